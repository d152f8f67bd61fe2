using Platform;
using SecureManifests.Synthesis;

// dotnet run --project samples/Platform -- --output DIR   (default ./manifests)
return AppRunner.Run(() => new PlatformApp(), args);
