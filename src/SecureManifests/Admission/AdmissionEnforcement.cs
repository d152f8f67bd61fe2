using SecureManifests.Rules;

namespace SecureManifests.Admission;

/// <summary>
/// What <see cref="App.EnforceAtAdmission"/> asked for. Unset values follow the synth: its profile and PSS version,
/// and the default action per rule (deny errors, warn the rest).
/// </summary>
internal sealed record AdmissionEnforcement(RuleProfile? Profile, PssVersion? PssVersion, AdmissionAction? Action)
{
    /// <summary>The folder, inside the app's output folder, that holds the policies and bindings.</summary>
    public const string FolderName = "_admission";

    /// <summary>Fails with a one-line error naming the parameter when a value is not a member of its enum.</summary>
    public void Validate(string appReference)
    {
        if (Profile is { } profile && !Enum.IsDefined(profile))
        {
            throw new ManifestDefinitionException(appReference, "EnforceAtAdmission(profile)",
                $"{(int)profile} is not a RuleProfile: use Baseline, Restricted, Secure or All");
        }

        if (Action is { } action && !Enum.IsDefined(action))
        {
            throw new ManifestDefinitionException(appReference, "EnforceAtAdmission(action)",
                $"{(int)action} is not an AdmissionAction: use Deny, Warn or Audit");
        }
    }
}
