using Delivery;
using SecureManifests.Synthesis;

// dotnet run --project samples/Delivery -- --output DIR   (default ./manifests)
return AppRunner.Run(() => new DeliveryApp(), args);
