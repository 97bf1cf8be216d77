namespace KubeRaya.Conformance.Calibration;

/// <summary>What one calibration run proved about its fault.</summary>
public enum CalibrationVerdict
{
    /// <summary>Every expected control failed, and no other core control failed or was left undecided.</summary>
    Caught,

    /// <summary>An expected control did not fail (or the run could not complete): the checks did not prove they catch the mistake.</summary>
    Missed,

    /// <summary>Every expected control failed, but so did another core control: a check fails for something it is not about.</summary>
    Overreached,
}
