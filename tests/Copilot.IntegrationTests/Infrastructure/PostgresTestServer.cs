using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the one in COPILOT_TEST_POSTGRES (CI starts it with .ci/postgres.sh), or,
/// when that is unset and PostgreSQL is installed, a private cluster started here on 127.0.0.1 and stopped when
/// the test run ends. Null when neither is possible.
/// </summary>
public static class PostgresTestServer
{
    private static readonly Lazy<string?> Server = new(Start);

    public static string? ConnectionString => Server.Value;

    private static string? Start()
    {
        if (Environment.GetEnvironmentVariable("COPILOT_TEST_POSTGRES") is { Length: > 0 } configured) return configured;
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null) return null;

        var folder = Directory.CreateTempSubdirectory("copilot-pg-").FullName;
        var password = Guid.NewGuid().ToString("N");
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        File.WriteAllText(Path.Combine(folder, "pw"), password);
        if (asRoot) Run("chown", $"-R postgres {folder}");
        Run(bin, "initdb", $"-D {folder}/data -U copilot --pwfile={folder}/pw -A scram-sha-256 -E UTF8 --locale=C.UTF-8", asRoot);
        Run(bin, "pg_ctl", $"-D {folder}/data -l {folder}/log -w -o \"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c max_connections=200\" start", asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Run(bin, "pg_ctl", $"-D {folder}/data -m immediate stop", asRoot);
            Directory.Delete(folder, recursive: true);
        };
        return $"Host=127.0.0.1;Port={port};Username=copilot;Password={password}";
    }

    private static void Run(string bin, string tool, string arguments, bool asRoot) =>
        Run(asRoot ? "runuser" : Path.Combine(bin, tool), asRoot ? $"-u postgres -- {Path.Combine(bin, tool)} {arguments}" : arguments);

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed: {process.StandardError.ReadToEnd()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
