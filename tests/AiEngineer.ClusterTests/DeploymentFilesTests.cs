using System.Collections;
using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace AiEngineer.ClusterTests;

/// <summary>
/// No cluster or Docker runs here, so the deployment files are checked by reading them: every Kubernetes manifest parses
/// and has what it needs (probes on the app's real health paths and port, selectors that match, the HPA and PDB aimed
/// at the Deployment), every environment name is a setting the app really reads, and docker-compose.yml describes the
/// same topology (two replicas, a migrate step, Redis, a TLS proxy, the same settings).
/// </summary>
public class DeploymentFilesTests
{
    private static readonly string Root = Web.Tests.Infrastructure.TestPaths.RepositoryRoot();
    private static readonly string K8s = Path.Combine(Root, "deploy", "k8s");

    private static List<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path)) stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static List<YamlMappingNode> Manifests() =>
        Directory.GetFiles(K8s, "*.yaml").OrderBy(f => f).SelectMany(Documents).ToList();

    private static YamlMappingNode Kind(string kind, string name) =>
        Manifests().Single(m => S(m, "kind") == kind && S(N(m, "metadata"), "name") == name);

    private static YamlNode? Get(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static YamlMappingNode N(YamlNode node, string path)
    {
        foreach (var key in path.Split('.'))
            node = Get(node, key) ?? throw new Xunit.Sdk.XunitException($"missing {path}");
        return (YamlMappingNode)node;
    }

    private static string? S(YamlNode node, string key) => (Get(node, key) as YamlScalarNode)?.Value;

    private static IEnumerable<YamlNode> Items(YamlNode node, string key) => Get(node, key) is YamlSequenceNode seq ? seq.Children : [];

    // ---- the app's real settings ------------------------------------------------------------------------------------

    /// <summary>Every options class the app binds: a public const Section names its configuration section.</summary>
    private static readonly Dictionary<string, Type> Sections = typeof(Program).Assembly.GetTypes()
        .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
        .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
        .ToDictionary(x => (string)x.Field!.GetRawConstantValue()!, x => x.Type, StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> HostSettings = new(StringComparer.Ordinal)
    {
        "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS",
    };

    /// <summary>Null when the app reads <paramref name="name"/> (Section__Property__…, array items by index); otherwise why not.</summary>
    private static string? Unknown(string name)
    {
        if (HostSettings.Contains(name)) return null;
        var parts = name.Split("__");
        if (parts[0] == "ConnectionStrings") return parts is [_, "Postgres" or "Sqlite"] ? null : $"{name}: no such connection string";
        if (!Sections.TryGetValue(parts[0], out var type)) return $"{name}: the app has no section {parts[0]}";
        for (var i = 1; i < parts.Length; i++)
        {
            if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
            {
                if (!int.TryParse(parts[i], out _)) return $"{name}: {parts[i]} should be an index";
                type = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
                continue;
            }
            var property = type.GetProperty(parts[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite && property.PropertyType.IsValueType) return $"{name}: {type.Name} has no setting {parts[i]}";
            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }
        return type == typeof(string) || type.IsPrimitive || type.IsEnum ? null : $"{name}: {type.Name} is a section, not a value";
    }

    [Fact]
    public void The_setting_check_refuses_names_the_app_does_not_read()
    {
        Assert.Null(Unknown("Redis__Configuration"));
        Assert.Null(Unknown("Proxy__KnownProxies__0"));
        Assert.Null(Unknown("Email__Smtp__UseTls"));
        Assert.NotNull(Unknown("Redis__Config"));
        Assert.NotNull(Unknown("Proxy__KnownProxies"));
        Assert.NotNull(Unknown("Cache__Enabled"));
        Assert.NotNull(Unknown("ConnectionStrings__Redis"));
    }

    // ---- Kubernetes ---------------------------------------------------------------------------------------------------

    private static IEnumerable<string> EnvNames(YamlNode container) => Items(container, "env").Select(e => S(e, "name")!);

    private static HashSet<string> ConfigMapKeys() =>
        N(Kind("ConfigMap", "aiengineer"), "data").Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();

    [Fact]
    public void Every_manifest_parses_and_the_set_is_complete()
    {
        var kinds = Manifests().Select(m => S(m, "kind")).ToList();
        foreach (var kind in new[] { "Deployment", "Service", "Ingress", "Job", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap" })
            Assert.Contains(kind, kinds);
        Assert.All(Manifests(), m =>
        {
            Assert.False(string.IsNullOrEmpty(S(m, "apiVersion")));
            Assert.False(string.IsNullOrEmpty(S(N(m, "metadata"), "name")));
        });
    }

    [Fact]
    public void The_deployment_probes_the_apps_real_health_paths_on_its_real_port()
    {
        var deployment = Kind("Deployment", "aiengineer");
        var container = (YamlMappingNode)Items(N(deployment, "spec.template.spec"), "containers").Single();
        var port = Items(container, "ports").Single();
        Assert.Equal("8080", S(port, "containerPort")); // the image's ASPNETCORE_URLS (Dockerfile)
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", File.ReadAllText(Path.Combine(Root, "Dockerfile")));
        Assert.Equal("/healthz/ready", S(N(container, "readinessProbe.httpGet"), "path"));
        Assert.Equal("/healthz", S(N(container, "livenessProbe.httpGet"), "path"));
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
            Assert.Equal(S(port, "name"), S(N(container, probe + ".httpGet"), "port"));
        // The paths are the ones the app maps (Infrastructure/Site/SiteSetup.cs).
        var setup = File.ReadAllText(Path.Combine(Root, "src", "AiEngineer.Web", "Infrastructure", "Site", "SiteSetup.cs"));
        Assert.Contains("MapHealthChecks(\"/healthz\"", setup);
        Assert.Contains("MapHealthChecks(\"/healthz/ready\"", setup);
        Assert.Equal("2", S(N(deployment, "spec"), "replicas"));
        Assert.Equal("0", S(N(deployment, "spec.strategy.rollingUpdate"), "maxUnavailable"));
    }

    [Fact]
    public void Selectors_services_and_the_autoscaler_point_at_the_deployment()
    {
        var deployment = Kind("Deployment", "aiengineer");
        var labels = N(deployment, "spec.template.metadata.labels");
        Assert.Equal(labels, N(deployment, "spec.selector.matchLabels"));
        Assert.Equal(labels, N(Kind("Service", "aiengineer"), "spec.selector"));
        Assert.Equal(labels, N(Kind("PodDisruptionBudget", "aiengineer"), "spec.selector.matchLabels"));
        var service = Kind("Service", "aiengineer");
        var servicePort = Items(N(service, "spec"), "ports").Single();
        var containerPort = Items((YamlMappingNode)Items(N(deployment, "spec.template.spec"), "containers").Single(), "ports").Single();
        Assert.Equal(S(containerPort, "name"), S(servicePort, "targetPort"));
        var backend = N((YamlMappingNode)Items(N((YamlMappingNode)Items(N(Kind("Ingress", "aiengineer"), "spec"), "rules").Single(), "http"), "paths").Single(), "backend.service");
        Assert.Equal("aiengineer", S(backend, "name"));
        Assert.Equal(S(servicePort, "name"), S(N(backend, "port"), "name"));
        var target = N(Kind("HorizontalPodAutoscaler", "aiengineer"), "spec.scaleTargetRef");
        Assert.Equal(("Deployment", "aiengineer"), (S(target, "kind"), S(target, "name")));
        Assert.True(int.Parse(S(N(Kind("HorizontalPodAutoscaler", "aiengineer"), "spec"), "minReplicas")!) >= 2);
    }

    [Fact]
    public void The_migration_job_migrates_once_and_replicas_never_do()
    {
        var job = (YamlMappingNode)Items(N(Kind("Job", "aiengineer-migrate"), "spec.template.spec"), "containers").Single();
        Assert.Equal(["migrate"], Items(job, "args").Select(a => ((YamlScalarNode)a).Value));
        Assert.Equal("Never", S(N(Kind("Job", "aiengineer-migrate"), "spec.template.spec"), "restartPolicy"));
        Assert.Equal("false", N(Kind("ConfigMap", "aiengineer"), "data").Children[new YamlScalarNode("Database__MigrateOnStartup")].ToString());
        // The Job and the pods run the same image with the same settings.
        var web = (YamlMappingNode)Items(N(Kind("Deployment", "aiengineer"), "spec.template.spec"), "containers").Single();
        Assert.Equal(S(web, "image"), S(job, "image"));
        Assert.Contains("migrate", Program_Commands());
    }

    /// <summary>The commands Program.cs dispatches on (MigrateCommand.Name is "migrate").</summary>
    private static IEnumerable<string> Program_Commands() =>
        [Web.Infrastructure.Database.MigrateCommand.Name, Web.Infrastructure.Database.MigrateCommand.SeedDemoName];

    [Fact]
    public void Every_environment_name_in_the_manifests_and_compose_is_a_real_setting()
    {
        var web = (YamlMappingNode)Items(N(Kind("Deployment", "aiengineer"), "spec.template.spec"), "containers").Single();
        var names = ConfigMapKeys().Concat(EnvNames(web)).Concat(ComposeEnvironment().Keys).ToList();
        Assert.Contains("Redis__Configuration", names);
        var unknown = names.Select(Unknown).OfType<string>().ToList();
        Assert.True(unknown.Count == 0, string.Join("; ", unknown));
    }

    // ---- docker compose ---------------------------------------------------------------------------------------------

    private static YamlMappingNode Compose() => Documents(Path.Combine(Root, "docker-compose.yml")).Single();

    private static Dictionary<string, string> ComposeEnvironment() =>
        N(Compose(), "services.app.environment").Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => kv.Value.ToString());

    [Fact]
    public void Compose_describes_the_same_topology_as_the_manifests()
    {
        var services = N(Compose(), "services");
        foreach (var name in new[] { "postgres", "redis", "migrate", "app", "nginx" }) Assert.NotNull(Get(services, name));
        Assert.Equal("2", S(N(services, "app.deploy"), "replicas"));
        Assert.Equal(["migrate"], Items(N(services, "migrate"), "command").Select(c => c.ToString()));
        Assert.Equal("service_completed_successfully", S(N(services, "app.depends_on.migrate"), "condition"));

        // The replicas' settings: the same names in both, apart from what the manifests keep in the Secret.
        var compose = ComposeEnvironment();
        Assert.Equal(compose, N(services, "migrate.environment").Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => kv.Value.ToString()));
        var web = (YamlMappingNode)Items(N(Kind("Deployment", "aiengineer"), "spec.template.spec"), "containers").Single();
        var k8s = ConfigMapKeys().Concat(EnvNames(web)).ToHashSet();
        var composeOnly = compose.Keys.Except(k8s).ToList();
        var k8sOnly = k8s.Except(compose.Keys).ToList();
        // Compose knows its proxy's one address; a cluster's ingress pods have a network. Compose's mail catcher needs no
        // password; Stripe keys are the operator's to add.
        Assert.Equal(["Proxy__KnownProxies__0"], composeOnly);
        Assert.Equal(["Proxy__KnownNetworks__0", "Stripe__SecretKey", "Stripe__WebhookSecret", "Email__Smtp__Password"], k8sOnly);
        Assert.Equal("false", compose["Database__MigrateOnStartup"]);

        // nginx: the proxy address the replicas believe is the one nginx has.
        Assert.Equal(compose["Proxy__KnownProxies__0"], S(N(services, "nginx.networks.default"), "ipv4_address"));
        var nginx = File.ReadAllText(Path.Combine(Root, "deploy", "nginx", "nginx.conf"));
        Assert.Contains("server app:8080", nginx);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", nginx);
        // Retries on the other replica for idempotent requests only: the directive does not name non_idempotent.
        Assert.Equal(["proxy_next_upstream error timeout http_502 http_503 http_504;"],
            nginx.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("proxy_next_upstream ", StringComparison.Ordinal)));
    }
}
