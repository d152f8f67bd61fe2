using SecureManifests.Synthesis;
using Shop;

// dotnet run --project samples/Shop -- --output DIR   (default ./manifests)
return AppRunner.Run(() => new ShopApp(), args);
