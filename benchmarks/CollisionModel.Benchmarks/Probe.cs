namespace CollisionModel.Benchmarks;
public static class Probe
{
    public static void Run()
    {
        var f = MonitoringModels.Fluorescence();
        foreach (int every in new[] { 1000, 1, 1000, 1 })
        {
            var w = System.Diagnostics.Stopwatch.StartNew();
            CollisionModel.Monitoring.MonitoredTrajectories.Run(f.Protocol, f.Measurements, f.InitialState, 0.01, 1000, 1000, 1, every, 1);
            System.Console.WriteLine($"every {every}: {w.Elapsed.TotalSeconds:F3}");
        }
    }
}
