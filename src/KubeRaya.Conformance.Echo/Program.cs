using KubeRaya.Conformance.Echo;

// The sample echo backend: answers any path with a JSON description of the request it received.
// On a real cluster the same contract (apart from query, scheme, tls and the X-KubeRaya-Echo marker) is offered
// by the pinned Gateway API conformance image gcr.io/k8s-staging-gateway-api/echo-basic:v20231214-v1.0.0-140-gf544a46e
// (port 3000, env POD_NAME and NAMESPACE; its "path" is the request URI including the query).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var identity = EchoIdentity.FromEnvironment();
var certificates = new PodCertificates(identity.Pod, Environment.GetEnvironmentVariable("KR_ECHO_TLS_DIR"));
builder.WebHost.UseKestrelHttpsConfiguration();
builder.WebHost.ConfigureKestrel(kestrel => EchoListeners.Configure(kestrel, builder.Configuration["urls"], certificates));
var app = builder.Build();
app.Run(context => EchoResponder.RespondAsync(context, identity));
await app.RunAsync();
