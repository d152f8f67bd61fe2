using SecureManifests.Rules;
using SecureManifests.Rules.Checks;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Admission;

/// <summary>
/// The CEL of the per-object network rules: SM4006 (an Ingress has TLS) and SM4010 (no egress ipBlock reaches the
/// cloud metadata endpoint without excepting it). SM4010 parses IPv4 CIDRs with the strings extension and int
/// arithmetic, as <c>Ipv4Block</c> does; an IPv6 block is skipped, as the check skips it.
/// </summary>
/// <remarks>
/// Egress rules, their peers, then each peer's except list would be three nested comprehensions. So a variable flattens
/// the ipBlocks into one list of text, <c>cidr|except,except</c> (the API server has validated each CIDR, so neither
/// separator occurs in one), and the validation runs over that list and then over one block's except list: two levels.
/// </remarks>
internal static class NetworkCel
{
    private const string IpBlocks = "variables.ipBlocks";
    private const int Ipv4Bits = 32;
    private const int OctetBase = 256;
    private const int HighestOctet = 255;

    // The API server has validated the CIDR, so it has no blanks; four octets of up to three digits, then a prefix.
    private const string Ipv4CidrPattern = @"^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(/[0-9]+)?$";

    /// <summary>Ingresses.</summary>
    public static AdmissionTarget Ingresses { get; } = new([("networking.k8s.io", ["ingresses"])], [], []);

    /// <summary>NetworkPolicies, with their egress ipBlocks flattened to <c>cidr|except,except</c> text.</summary>
    public static AdmissionTarget NetworkPolicies { get; } = new(
        [("networking.k8s.io", ["networkpolicies"])],
        [],
        [
            ("ipBlocks",
                "((" + Cel.Has("object", "spec.egress") + ") ? object.spec.egress : [])" +
                ".map(r, has(r.to) ? r.to.filter(p, " + Cel.Has("p", "ipBlock.cidr") + ")" +
                ".map(p, p.ipBlock.cidr + '|' + (has(p.ipBlock.except) ? p.ipBlock.except.join(',') : '')).join(';') : '')" +
                ".filter(s, s != '').join(';').split(';')"),
        ]);

    /// <summary>The target and validations of <paramref name="ruleId"/>, or null when this family does not cover it.</summary>
    public static (AdmissionTarget Target, IReadOnlyList<CelValidation> Validations)? For(string ruleId) => ruleId switch
    {
        RuleIds.IngressWithoutTls => (Ingresses,
        [
            CelValidation.Of(ruleId, Cel.Has("object", "spec.tls") + " && size(object.spec.tls) > 0",
                "spec.tls", "must have an entry with the hosts and the secretName of their certificate"),
        ]),
        RuleIds.MetadataEndpointReachable => (NetworkPolicies,
        [
            CelValidation.Of(ruleId,
                "!(" + IsolatesEgress + ") || " + IpBlocks + ".all(b, !" + ContainsEndpoint("b.split('|')[0]") +
                " || b.split('|')[1].split(',').exists(e, " + ContainsEndpoint("e") + "))",
                "spec.egress[*].to[*].ipBlock.except", "must hold " + CloudMetadata.Address + "/32 when the cidr contains it"),
        ]),
        _ => null,
    };

    // NetworkPolicyCoverage.Isolates for Egress: the policyTypes when set, else whether there are egress rules.
    private static readonly string IsolatesEgress =
        "(" + Cel.Has("object", "spec.policyTypes") + " && size(object.spec.policyTypes) > 0) ? " +
        Cel.Str(nameof(PolicyDirection.Egress)) + " in object.spec.policyTypes : (" + Cel.Has("object", "spec.egress") + " && size(object.spec.egress) > 0)";

    // Ipv4Block.TryParse(cidr) and Contains(the endpoint): the top prefix bits of the address equal the endpoint's, that is
    // address / 2^(32 - prefix) == endpoint / 2^(32 - prefix), with both quotients looked up by prefix.
    private static string ContainsEndpoint(string cidr)
    {
        var octets = cidr + ".split('/')[0].split('.')";
        string Octet(int i) => "int(" + octets + "[" + Cel.Int(i) + "])";
        var prefix = "(" + cidr + ".contains('/') ? int(" + cidr + ".split('/')[1]) : " + Cel.Int(Ipv4Bits) + ")";
        var address = Octet(0);
        for (var i = 1; i < CloudMetadata.Octets.Count; i++)
        {
            address = "(" + address + " * " + Cel.Int(OctetBase) + " + " + Octet(i) + ")";
        }

        long endpoint = 0;
        foreach (var octet in CloudMetadata.Octets)
        {
            endpoint = (endpoint * OctetBase) + octet;
        }

        var blockSizes = new List<string>();
        var endpointBlocks = new List<string>();
        for (var length = 0; length <= Ipv4Bits; length++)
        {
            var size = 1L << (Ipv4Bits - length);
            blockSizes.Add(Cel.Int(size));
            endpointBlocks.Add(Cel.Int(endpoint / size));
        }

        return "(" + cidr + ".matches(" + Cel.Str(Ipv4CidrPattern) + ") && " +
               string.Join(" && ", Enumerable.Range(0, CloudMetadata.Octets.Count).Select(i => Octet(i) + " <= " + Cel.Int(HighestOctet))) + " && " +
               prefix + " <= " + Cel.Int(Ipv4Bits) + " && " +
               address + " / [" + string.Join(", ", blockSizes) + "][" + prefix + "] == [" + string.Join(", ", endpointBlocks) + "][" + prefix + "])";
    }
}
