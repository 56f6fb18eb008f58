using System.Diagnostics;

namespace CollisionModel.Tests.Docs;

/// <summary>
/// The repository's tracked files (<c>git ls-files</c>), so that tests about the repository read what is committed and
/// never a user's untracked notes, a sweep's output being written in the clone, or build folders.
/// </summary>
internal static class TrackedFiles
{
    /// <summary>The clone's root: the nearest folder above the test binaries holding CollisionModel.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static readonly Lazy<IReadOnlyList<string>> Paths = new(ListTracked);

    /// <summary>
    /// Absolute paths of the tracked files that exist in the work tree (a tracked file deleted but not yet committed is
    /// skipped), in git's order. Runs <c>git ls-files -z</c> once per test run.
    /// </summary>
    public static IReadOnlyList<string> All => Paths.Value;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CollisionModel.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return dir!.FullName;
    }

    private static IReadOnlyList<string> ListTracked()
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        foreach (string arg in new[] { "-c", "core.quotepath=off", "ls-files", "-z" }) start.ArgumentList.Add(arg);
        using var git = Process.Start(start) ?? throw new InvalidOperationException("cannot start git");
        var stderr = git.StandardError.ReadToEndAsync();
        string output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"the repository tests need a git clone (git ls-files failed: {stderr.Result.Trim()})");
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(Root, p.Replace('/', Path.DirectorySeparatorChar)))
            .Where(File.Exists)
            .ToList();
    }
}
