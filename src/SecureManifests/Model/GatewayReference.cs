namespace SecureManifests.Model;

/// <summary>
/// The Gateway (Gateway API) that an <see cref="HttpRoute"/> attaches to: usually a shared one that a platform team runs
/// in a namespace of its own. Its pods are the ones the route's backends accept traffic from.
/// </summary>
public sealed class GatewayReference
{
    /// <param name="namespaceName">The Gateway's namespace; its pods (the gateway's data plane) are admitted to the backends.</param>
    /// <param name="name">The Gateway's name.</param>
    /// <param name="sectionName">The listener of the Gateway to attach to (e.g. <c>https</c>); every listener when null.</param>
    public GatewayReference(string namespaceName, string name, string? sectionName = null)
    {
        Arguments.NotNull(namespaceName, nameof(GatewayReference), member: "new GatewayReference");
        Arguments.NotNull(name, nameof(GatewayReference), member: "new GatewayReference");
        NamespaceName = namespaceName;
        Name = name;
        SectionName = sectionName;
    }

    public string NamespaceName { get; }

    public string Name { get; }

    /// <summary>The listener attached to; null for every listener of the Gateway.</summary>
    public string? SectionName { get; }
}
