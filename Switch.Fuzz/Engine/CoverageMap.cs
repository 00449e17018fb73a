using System.Numerics;
using System.Runtime.InteropServices;
using SharpFuzz.Common;

namespace Switch.Fuzz.Engine;

/// <summary>
/// SharpFuzz's edge map (AFL's layout: 64 KiB of hit counters, one per hashed branch pair) and the
/// record of every edge and hit-count class seen so far. An execution is interesting when it lights
/// an edge, or an edge's count class (1, 2, 3, 4-7, 8-15, 16-31, 32-127, 128+), not seen before.
/// </summary>
internal sealed unsafe class CoverageMap
{
    public const int Size = 1 << 16;

    private static readonly byte[] Classes = BuildClasses();

    // Process-wide on purpose: instrumented code writes through Trace.SharedMem at every branch, so
    // the map must outlive anything that could still run; it is never freed.
    private static readonly Lazy<IntPtr> Shared = new(() =>
    {
        var map = (byte*)NativeMemory.AllocZeroed(Size);
        Trace.SharedMem = map;
        return (IntPtr)map;
    });

    private readonly byte[] _virgin = new byte[Size];

    public CoverageMap()
    {
        _virgin.AsSpan().Fill(0xFF);
        Install();
    }

    /// <summary>Edges seen at least once.</summary>
    public int Edges { get; private set; }

    private static Span<byte> Hits => new((byte*)Shared.Value, Size);

    /// <summary>
    /// Points the instrumentation at the map. Must come before any instrumented code runs, even a
    /// static constructor: until then every branch writes through a null pointer.
    /// </summary>
    public static void Install() => _ = Shared.Value;

    /// <summary>Clears the counters before an execution.</summary>
    public static void Reset()
    {
        Hits.Clear();
        Trace.PrevLocation = 0;
    }

    /// <summary>Folds the last execution into what has been seen; true when it saw something new.</summary>
    /// <param name="edges">When given, receives the edges the execution hit.</param>
    public bool Merge(List<int>? edges = null)
    {
        var hits = Hits;
        var words = MemoryMarshal.Cast<byte, ulong>(hits);
        var found = false;
        for (var w = 0; w < words.Length; w++)
        {
            if (words[w] == 0)
            {
                continue;
            }

            for (var i = w * 8; i < (w * 8) + 8; i++)
            {
                if (hits[i] == 0)
                {
                    continue;
                }

                edges?.Add(i);
                var seen = _virgin[i];
                var bit = Classes[hits[i]];
                if ((seen & bit) == 0)
                {
                    continue;
                }

                found = true;
                Edges += seen == 0xFF ? 1 : 0;
                _virgin[i] = (byte)(seen & ~bit);
            }
        }

        return found;
    }

    private static byte[] BuildClasses()
    {
        var classes = new byte[256];
        for (var count = 1; count < 256; count++)
        {
            // AFL's buckets: 1, 2, 3, 4-7, 8-15, 16-31, 32-127, 128-255, one bit each.
            var bucket = count switch
            {
                <= 3 => count - 1,
                < 32 => BitOperations.Log2((uint)count) + 1,
                < 128 => 6,
                _ => 7,
            };
            classes[count] = (byte)(1 << bucket);
        }

        return classes;
    }
}
