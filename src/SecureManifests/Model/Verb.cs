namespace SecureManifests.Model;

/// <summary>
/// The API verbs a Role may grant. Wildcards and the escalation verbs (escalate, bind, impersonate) are not here on
/// purpose (SM3004, SM3008): grant them with a raw <c>V1Role</c> if you must, and the checks will ask for a reason.
/// </summary>
public enum Verb
{
    Get,
    List,
    Watch,
    Create,
    Update,
    Patch,
    Delete,
    DeleteCollection,
}

internal static class VerbNames
{
    public static string ToApiValue(this Verb verb) => verb switch
    {
        Verb.Get => "get",
        Verb.List => "list",
        Verb.Watch => "watch",
        Verb.Create => "create",
        Verb.Update => "update",
        Verb.Patch => "patch",
        Verb.Delete => "delete",
        _ => "deletecollection",
    };
}
