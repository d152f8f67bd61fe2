namespace SecureManifests.Admission;

/// <summary>What a binding does with a failed validation (<c>validationActions</c>).</summary>
public enum AdmissionAction
{
    /// <summary>Reject the request.</summary>
    Deny,

    /// <summary>Admit it and return a warning to the client.</summary>
    Warn,

    /// <summary>Admit it and record the failure in the audit log.</summary>
    Audit,
}
