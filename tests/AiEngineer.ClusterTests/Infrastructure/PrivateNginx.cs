using System.Diagnostics;

namespace AiEngineer.ClusterTests.Infrastructure;

/// <summary>
/// An nginx of the test's own (plain HTTP on a free loopback port, one process, stopped with the test) in front of the
/// given upstreams, round-robin, with the same failure settings as scripts/cluster.sh and deploy/nginx/nginx.conf:
/// <c>max_fails=1</c>, and only idempotent requests passed on after an error or a 502/503/504. Every answer names the
/// upstreams nginx tried in X-Upstream ("a, b" when it passed a request on).
/// </summary>
public sealed class PrivateNginx : IAsyncDisposable
{
    public static readonly string ServerPath = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly DirectoryInfo _directory;

    private PrivateNginx(Process process, DirectoryInfo directory, Uri url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<PrivateNginx> StartAsync(IEnumerable<string> upstreams, int failTimeoutSeconds)
    {
        if (!File.Exists(ServerPath)) throw new InvalidOperationException($"nginx was not found at {ServerPath}: apt-get install -y nginx");
        var dir = Directory.CreateTempSubdirectory("aie-nginx-");
        Directory.CreateDirectory(Path.Combine(dir.FullName, "tmp"));
        var port = PrivateRedis.FreePort();
        var servers = string.Concat(upstreams.Select(u => $"    server {u} max_fails=1 fail_timeout={failTimeoutSeconds}s;\n"));
        var conf = Path.Combine(dir.FullName, "nginx.conf");
        await File.WriteAllTextAsync(conf, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{dir.FullName}}/nginx.pid;
            error_log {{dir.FullName}}/error.log warn;
            events { worker_connections 256; }
            http {
              access_log off;
              client_body_temp_path {{dir.FullName}}/tmp/body;
              proxy_temp_path {{dir.FullName}}/tmp/proxy;
              fastcgi_temp_path {{dir.FullName}}/tmp/fastcgi;
              uwsgi_temp_path {{dir.FullName}}/tmp/uwsgi;
              scgi_temp_path {{dir.FullName}}/tmp/scgi;
              upstream aie {
            {{servers}}  }
              server {
                listen 127.0.0.1:{{port}};
                add_header X-Upstream $upstream_addr always;
                location / {
                  proxy_pass http://aie;
                  proxy_http_version 1.1;
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $remote_addr;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_next_upstream error timeout http_502 http_503 http_504;
                  proxy_next_upstream_tries 2;
                }
              }
            }
            """);
        var start = new ProcessStartInfo(ServerPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", conf, "-p", dir.FullName, "-e", Path.Combine(dir.FullName, "error.log") }) start.ArgumentList.Add(a);
        var process = await PrivateRedis.LaunchAsync(start, port,
            async () => "nginx: " + await File.ReadAllTextAsync(Path.Combine(dir.FullName, "error.log")));
        return new PrivateNginx(process, dir, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { _directory.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
