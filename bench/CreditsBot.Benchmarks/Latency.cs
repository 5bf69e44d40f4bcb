using System.Diagnostics;

namespace CreditsBot.Benchmarks;

/// <summary>Times each call on its own and reports percentiles in microseconds.</summary>
internal static class Latency
{
    /// <param name="QuietP99">p99 over each query's fastest of the rounds: the code's own cost, without other processes' interference.</param>
    public sealed record Figures(int Count, double P50, double P99, double Max, double? QuietP99 = null);

    /// <summary>
    /// Runs the inputs <paramref name="rounds"/> times (after a warm-up) and keeps the round with the lowest
    /// p99: on a shared machine one round can be hit by another process. Also reports the p99 of each query's
    /// fastest run, which filters preemption out entirely.
    /// </summary>
    public static Figures BestOf<T>(int rounds, IReadOnlyList<T> inputs, Action<T> call)
    {
        if (inputs.Count == 0)
            return new Figures(0, 0, 0, 0);
        foreach (var input in inputs.Take(Math.Min(inputs.Count, 500)))
            call(input);
        Figures? best = null;
        var fastest = Enumerable.Repeat(double.MaxValue, inputs.Count).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            var micros = Run(inputs, call);
            for (var i = 0; i < micros.Length; i++)
                fastest[i] = Math.Min(fastest[i], micros[i]);
            var figures = Summarise(micros);
            if (best is null || figures.P99 < best.P99)
                best = figures;
        }
        return best! with { QuietP99 = Summarise(fastest).P99 };
    }

    public static Figures Measure<T>(IReadOnlyList<T> inputs, Action<T> call, bool warmUp = true)
    {
        if (inputs.Count == 0)
            return new Figures(0, 0, 0, 0);
        if (warmUp)
        {
            foreach (var input in inputs.Take(Math.Min(inputs.Count, 500)))
                call(input);
        }
        return Summarise(Run(inputs, call));
    }

    private static double[] Run<T>(IReadOnlyList<T> inputs, Action<T> call)
    {
        var micros = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            call(inputs[i]);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        return micros;
    }

    private static Figures Summarise(double[] micros)
    {
        var sorted = (double[])micros.Clone();
        Array.Sort(sorted);
        return new Figures(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
