namespace KubeRaya.Conformance.Reference; /// <summary>x</summary>
public static class Placeholder { }
