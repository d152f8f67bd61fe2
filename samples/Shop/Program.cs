using k8s;
using Shop;

foreach (var obj in new ShopApp().Build())
{
    Console.WriteLine("---");
    Console.Write(KubernetesYaml.Serialize(obj));
}
