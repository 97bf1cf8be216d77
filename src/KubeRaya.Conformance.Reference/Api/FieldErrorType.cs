namespace KubeRaya.Conformance.Reference.Api;

/// <summary>The kinds of field validation error a Kubernetes API server reports, with their wording.</summary>
internal enum FieldErrorType
{
    /// <summary>"Required value" (cause FieldValueRequired).</summary>
    Required,
    /// <summary>"Invalid value" (cause FieldValueInvalid).</summary>
    Invalid,
    /// <summary>"Unsupported value" (cause FieldValueNotSupported).</summary>
    NotSupported,
    /// <summary>"Duplicate value" (cause FieldValueDuplicate).</summary>
    Duplicate,
    /// <summary>"Forbidden" (cause FieldValueForbidden).</summary>
    Forbidden,
    /// <summary>"Too long" (cause FieldValueTooLong).</summary>
    TooLong,
}
