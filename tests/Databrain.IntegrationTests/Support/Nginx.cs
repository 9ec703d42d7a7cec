using System.Diagnostics;
using System.Globalization;

namespace Databrain.IntegrationTests.Support;

/// <summary>
/// A real nginx (Debian's package, installed by build/nginx.sh) in front of service instances, on a free loopback
/// port, with a configuration of its own in a temporary folder. The open-source build checks upstreams only
/// passively: an instance that refuses a connection is left out for <c>fail_timeout</c> after <c>max_fails</c>.
/// Requests that cannot be sent to an instance are passed to the next one; a request that was sent is not
/// (a POST is not idempotent to nginx), so a client sees 502 for it and retries it with its key.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Process _process;

    private Nginx(Process process, int port, string folder)
    {
        _process = process;
        _folder = folder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    /// <summary>Where nginx is, or null (with the reason) where it is not installed.</summary>
    public static string? Binary => new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    public const string Missing = "nginx is not installed here: build/nginx.sh installs Debian's package (as .ci/run does)";

    public static Nginx Start(IEnumerable<int> upstreamPorts)
    {
        var port = ServiceInstance.FreePort();
        var folder = Directory.CreateTempSubdirectory("databrain-nginx-").FullName;
        var servers = string.Join("\n", upstreamPorts.Select(p => string.Create(CultureInfo.InvariantCulture, $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=2s;")));
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                upstream api {
            {{servers}}
                    keepalive 16;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://api;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header X-Forwarded-For $remote_addr;
                        proxy_next_upstream error timeout http_502 http_503 http_504;
                        proxy_connect_timeout 2s;
                    }
                }
            }
            """);
        var start = new ProcessStartInfo(Binary!, ["-c", Path.Combine(folder, "nginx.conf"), "-p", folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var nginx = new Nginx(Process.Start(start)!, port, folder);
        nginx._process.BeginErrorReadLine();
        nginx._process.BeginOutputReadLine();
        return nginx;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
