using SecureManifests.Cli.Input;
using static SecureManifests.Cli.Tests.Input.ReaderTestSupport;

namespace SecureManifests.Cli.Tests.Input;

public class SourcePositionTests
{
    // Line numbers are 1-based; the privileged key is on line 17, column 9.
    private static readonly string Deployment = Lines(
        "apiVersion: apps/v1",                          // 1
        "kind: Deployment",                             // 2
        "metadata:",                                    // 3
        "  name: web",                                  // 4
        "  namespace: shop",                            // 5
        "  labels:",                                    // 6
        "    app.kubernetes.io/name: web",              // 7
        "spec:",                                        // 8
        "  replicas: 2",                                // 9
        "  template:",                                  // 10
        "    spec:",                                    // 11
        "      containers:",                            // 12
        "      - name: api",                            // 13
        "        image: example.com/api:1.0",           // 14
        "        securityContext:",                     // 15
        "          allowPrivilegeEscalation: false",    // 16
        "          privileged: true",                   // 17 (column 11)
        "      - name: sidecar",                        // 18
        "        image: example.com/sidecar:1.0",       // 19
        "        ports:",                               // 20
        "        - containerPort: 8080");               // 21

    [Fact]
    public void Locate_returns_the_line_and_column_of_the_field_key()
    {
        var document = SingleDocument(Deployment);

        var position = document.Locate("spec.template.spec.containers[0].securityContext.privileged");

        Assert.Equal(17, position.Line);
        Assert.Equal(11, position.Column);
        Assert.True(position.IsExact);
        Assert.Equal("test.yaml:17:11", position.ToString());
    }

    [Fact]
    public void A_field_on_line_17_column_9_reports_17_9()
    {
        var yaml = Lines(
            "apiVersion: v1",
            "kind: Pod",
            "metadata:",
            "  name: p",
            "spec:",
            "  containers:",
            "  - name: a",
            "    image: a",
            "  - name: b",
            "    image: b",
            "  - name: c",
            "    image: c",
            "    securityContext:",
            "      capabilities:",
            "        add:",
            "        - NET_ADMIN",
            "        drop: [ALL]");
        var document = SingleDocument(yaml);

        var position = document.Locate("spec.containers[2].securityContext.capabilities.drop");

        Assert.Equal((17, 9), (position.Line, position.Column));
    }

    [Fact]
    public void Locate_falls_back_to_the_nearest_existing_ancestor()
    {
        var document = SingleDocument(Deployment);

        var missingLeaf = document.Locate("spec.template.spec.containers[0].securityContext.runAsNonRoot");
        var missingContext = document.Locate("spec.template.spec.containers[1].securityContext.runAsNonRoot");

        Assert.False(missingLeaf.IsExact);
        Assert.Equal((15, 9), (missingLeaf.Line, missingLeaf.Column));
        Assert.Equal("spec.template.spec.containers[0].securityContext", missingLeaf.ResolvedPath);
        Assert.False(missingContext.IsExact);
        Assert.Equal((18, 9), (missingContext.Line, missingContext.Column));
        Assert.Equal("spec.template.spec.containers[1]", missingContext.ResolvedPath);
    }

    [Fact]
    public void Locate_of_an_out_of_range_index_points_at_the_sequence_key()
    {
        var document = SingleDocument(Deployment);

        var position = document.Locate("spec.template.spec.containers[5].image");

        Assert.Equal((12, 7), (position.Line, position.Column));
        Assert.Equal("spec.template.spec.containers", position.ResolvedPath);
    }

    [Fact]
    public void Locate_accepts_items_selected_by_name_and_keys_with_dots()
    {
        var document = SingleDocument(Deployment);

        var byName = document.Locate("spec.template.spec.containers[sidecar].ports[0].containerPort");
        var dottedKey = document.Locate("metadata.labels['app.kubernetes.io/name']");

        Assert.Equal((21, 11), (byName.Line, byName.Column));
        Assert.True(byName.IsExact);
        Assert.Equal((7, 5), (dottedKey.Line, dottedKey.Column));
        Assert.True(dottedKey.IsExact);
    }

    [Fact]
    public void Document_start_and_an_empty_path_point_at_the_object()
    {
        var results = ReadText("# header\n---\n\n" + Deployment);
        var document = Assert.IsType<SourceDocument>(Assert.Single(results));

        Assert.Equal((4, 1), (document.Line, document.Column));
        Assert.Equal((4, 1), (document.Locate("").Line, document.Locate("").Column));
        Assert.Equal((12, 3), (document.Locate("spec.replicas").Line, document.Locate("spec.replicas").Column));
    }

    [Fact]
    public void Positions_of_later_documents_are_absolute_in_the_file()
    {
        var yaml = Deployment + "---\n" + Lines("apiVersion: v1", "kind: ServiceAccount", "metadata:", "  name: web", "automountServiceAccountToken: true");

        var documents = ReadText(yaml).Cast<SourceDocument>().ToList();

        Assert.Equal(2, documents.Count);
        Assert.Equal(1, documents[1].DocumentIndex);
        Assert.Equal((23, 1), (documents[1].Line, documents[1].Column));
        var token = documents[1].Locate("automountServiceAccountToken");
        Assert.Equal((27, 1), (token.Line, token.Column));
    }

    [Fact]
    public void Windows_line_endings_give_the_same_positions()
    {
        var document = SingleDocument(Deployment.Replace("\n", "\r\n", StringComparison.Ordinal));

        var position = document.Locate("spec.template.spec.containers[0].securityContext.privileged");

        Assert.Equal((17, 11), (position.Line, position.Column));
    }

    [Fact]
    public void Positions_count_characters_not_bytes()
    {
        var yaml = Lines("apiVersion: v1", "kind: ConfigMap", "metadata: {name: café, labels: {ü: 'ö', x: y}}");
        var results = ReadUtf8(yaml);

        var document = Assert.IsType<SourceDocument>(Assert.Single(results));

        Assert.Equal((3, 41), (document.Locate("metadata.labels.x").Line, document.Locate("metadata.labels.x").Column));
    }

    [Fact]
    public void Fields_reached_through_an_alias_point_at_the_anchored_text()
    {
        var yaml = Lines(
            "apiVersion: v1",
            "kind: Pod",
            "metadata:",
            "  name: p",
            "spec:",
            "  containers:",
            "  - name: a",
            "    image: a",
            "    securityContext: &hardened",
            "      runAsNonRoot: true",
            "  - name: b",
            "    image: b",
            "    securityContext: *hardened");
        var document = SingleDocument(yaml);

        var position = document.Locate("spec.containers[1].securityContext.runAsNonRoot");

        Assert.Equal((10, 7), (position.Line, position.Column));
        var pod = Assert.IsType<k8s.Models.V1Pod>(document.Object);
        Assert.True(pod.Spec.Containers[1].SecurityContext.RunAsNonRoot);
    }
}
