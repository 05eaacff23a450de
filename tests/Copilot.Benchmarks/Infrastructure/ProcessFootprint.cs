using System.Runtime;

namespace Copilot.Benchmarks.Infrastructure;

/// <summary>Sizes worth writing down beside the timings: a folder on disk and this process's memory.</summary>
public static class ProcessFootprint
{
    public static long FolderBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    /// <summary>Prints the working set and managed heap as a line the BenchmarkDotNet log keeps.</summary>
    public static void Print(string label, string? folder = null)
    {
        // An aggressive collection hands freed memory back to the OS, so the working set is what is live, not what setup left behind.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var disk = folder is null ? "" : $", index on disk {FolderBytes(folder) / 1048576.0:F1} MiB";
        Console.WriteLine($"// {label}: working set {Environment.WorkingSet / 1048576.0:F0} MiB, " +
            $"managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MiB{disk}");
    }
}
