// Built instead of the app when ../shared/crds (the real cert-manager and Argo Rollouts CRDs the app's types are
// generated from) is not beside the repository; see Delivery.csproj.
System.Console.Error.WriteLine("samples/Delivery was built without ../shared/crds, so it has no types to write: place shared/ beside the repository and build again.");
return 2;
