using System.Text;
using Fluid;

namespace KubeRaya.Conformance.Reporting;

/// <summary>The Liquid templates embedded in this assembly (<c>Reporting/Templates/*.liquid</c>), parsed with Fluid.</summary>
public static class LiquidTemplates
{
    /// <summary>Parses the embedded template of the given file name, e.g. <c>index.html.liquid</c>.</summary>
    /// <exception cref="InvalidOperationException">The template is not embedded or does not parse.</exception>
    public static IFluidTemplate Load(string fileName)
    {
        var resource = "KubeRaya.Conformance.Reporting.Templates." + fileName;
        using var stream = typeof(LiquidTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The template {resource} is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new FluidParser().TryParse(reader.ReadToEnd(), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The template {resource} does not parse: {error}");
    }
}
