using System.Text;
using k8s.Models;
using SecureManifests.Cli.Input;
using static SecureManifests.Cli.Tests.Input.ReaderTestSupport;

namespace SecureManifests.Cli.Tests.Input;

public class ListAndJsonTests
{
    [Fact]
    public void A_v1_List_expands_into_its_items_with_their_own_positions()
    {
        var yaml = Lines(
            "apiVersion: v1",                 // 1
            "kind: List",                     // 2
            "items:",                         // 3
            "- apiVersion: v1",               // 4
            "  kind: ServiceAccount",         // 5
            "  metadata: {name: sa}",         // 6
            "- apiVersion: apps/v1",          // 7
            "  kind: Deployment",             // 8
            "  metadata: {name: web}",        // 9
            "  spec:",                        // 10
            "    replicas: 2",                // 11
            "    selector: {}",               // 12
            "    template: {spec: {containers: [{name: c, image: i}]}}");

        var documents = ReadText(yaml).Cast<SourceDocument>().ToList();

        Assert.Equal(2, documents.Count);
        Assert.IsType<V1ServiceAccount>(documents[0].Object);
        var deployment = Assert.IsType<V1Deployment>(documents[1].Object);
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal([0, 1], documents.Select(d => d.ItemIndex ?? -1));
        Assert.All(documents, d => Assert.Equal(0, d.DocumentIndex));
        Assert.Equal((7, 3), (documents[1].Line, documents[1].Column));
        Assert.Equal((11, 5), (documents[1].Locate("spec.replicas").Line, documents[1].Locate("spec.replicas").Column));
    }

    [Fact]
    public void Items_of_a_typed_list_inherit_apiVersion_and_kind()
    {
        var yaml = Lines(
            "apiVersion: v1",
            "kind: PodList",
            "items:",
            "- metadata: {name: p1}",
            "  spec: {containers: [{name: c, image: i}]}",
            "- metadata: {name: p2}",
            "  spec: {containers: [{name: c, image: i}]}");

        var documents = ReadText(yaml).Cast<SourceDocument>().ToList();

        Assert.Equal(["p1", "p2"], documents.Select(d => d.Name));
        Assert.All(documents, d => Assert.Equal(("v1", "Pod"), (d.ApiVersion, d.Kind)));
        Assert.All(documents, d => Assert.Equal("Pod", Assert.IsType<V1Pod>(d.Object).Kind));
    }

    [Fact]
    public void A_custom_resource_whose_kind_ends_in_List_is_not_expanded()
    {
        var yaml = Lines(
            "apiVersion: example.com/v1",
            "kind: IPAllowList",
            "metadata: {name: office}",
            "spec: {cidrs: [10.0.0.0/8]}",
            "items: [{apiVersion: v1, kind: Pod, metadata: {name: not-a-list-item}}]");

        var document = SingleDocument(yaml);

        Assert.Equal(("IPAllowList", "office"), (document.Kind, document.Name));
        Assert.IsType<GenericKubernetesObject>(document.Object);
    }

    [Fact]
    public void A_bad_item_is_reported_and_the_other_items_are_still_read()
    {
        var yaml = Lines(
            "apiVersion: v1",
            "kind: List",
            "items:",
            "- just a string",
            "- {apiVersion: v1, kind: Pod, metadata: {name: ok}}");

        var results = ReadText(yaml);

        Assert.Equal(2, results.Count);
        var error = Assert.IsType<ReadError>(results[0]);
        Assert.Equal((4, 3), (error.Line, error.Column));
        Assert.Contains("items[0]", error.Message, StringComparison.Ordinal);
        Assert.Equal("ok", Assert.IsType<SourceDocument>(results[1]).Name);
    }

    [Fact]
    public void Json_object_with_tabs_and_escapes_is_read_with_positions()
    {
        var json = "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"Service\",\n\t\"metadata\": {\"name\": \"s\\u0041\", \"annotations\": {\"a\\/b\": \"c\\/d\"}},\n\t\"spec\": {\n\t\t\"ports\": [{\"port\": 443, \"targetPort\": 8443}]\n\t}\n}\n";

        var results = ReadBytes(Encoding.UTF8.GetBytes(json), sourceName: "svc.json");

        var document = Assert.IsType<SourceDocument>(Assert.Single(results));
        var service = Assert.IsType<V1Service>(document.Object);
        Assert.Equal("sA", service.Metadata.Name);
        Assert.Equal("c/d", service.Metadata.Annotations["a/b"]);
        Assert.Equal(443, service.Spec.Ports[0].Port);
        Assert.Equal("8443", service.Spec.Ports[0].TargetPort.Value);
        var port = document.Locate("spec.ports[0].port");
        Assert.Equal("svc.json:6:14", port.ToString());
    }

    [Fact]
    public void Json_List_as_printed_by_kubectl_expands()
    {
        var json = """
            {
                "apiVersion": "v1",
                "kind": "List",
                "items": [
                    {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}},
                    {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "b", "namespace": "a"}, "spec": {"podSelector": {}}}
                ],
                "metadata": {"resourceVersion": ""}
            }
            """;

        var documents = ReadText(json).Cast<SourceDocument>().ToList();

        Assert.IsType<V1Namespace>(documents[0].Object);
        Assert.IsType<V1NetworkPolicy>(documents[1].Object);
        Assert.Equal((6, 9), (documents[1].Line, documents[1].Column));
    }
}
