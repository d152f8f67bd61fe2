using System.Globalization;
using k8s.Models;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM4010 (opt-in): an egress <c>ipBlock</c> whose IPv4 <c>cidr</c> contains 169.254.169.254 and whose <c>except</c>
/// list does not take it out again, so pods can read cloud instance credentials. Egress rules of a policy whose
/// effective policyTypes lack Egress have no effect and are not judged.
/// </summary>
internal sealed class MetadataEndpointReachableRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.MetadataEndpointReachable;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        if (target.Source is not V1NetworkPolicy { Spec: { Egress: { } egress } spec } ||
            !NetworkPolicyCoverage.Isolates(spec, PolicyDirection.Egress))
        {
            return;
        }

        for (var i = 0; i < egress.Count; i++)
        {
            if (egress[i]?.To is not { } peers)
            {
                continue;
            }

            for (var j = 0; j < peers.Count; j++)
            {
                var block = peers[j]?.IpBlock;
                if (block is null || !Ipv4Block.TryParse(block.Cidr, out var cidr) || !cidr.Contains(Ipv4Block.MetadataEndpoint))
                {
                    continue;
                }

                var excepted = block.Except?.Any(e => Ipv4Block.TryParse(e, out var ex) && ex.Contains(Ipv4Block.MetadataEndpoint)) == true;
                if (!excepted)
                {
                    var path = "spec.egress[" + i.ToString(CultureInfo.InvariantCulture) + "].to[" + j.ToString(CultureInfo.InvariantCulture) + "].ipBlock";
                    context.Report(target, path + ".cidr",
                        $"{path}.cidr of {target.Description} is {block.Cidr}, which contains the metadata endpoint {CloudMetadata.Address}: " +
                        $"add {CloudMetadata.Address}/32 to {path}.except");
                }
            }
        }
    }
}
