namespace Switch.Tests.Support;

/// <summary>What a hot path allocates once the runtime has settled.</summary>
internal static class Allocations
{
    /// <summary>
    /// Bytes allocated on this thread by <paramref name="rounds"/> calls of <paramref name="body"/>,
    /// measured on a second pass: the first pays, once, for tiered compilation and the loop's
    /// on-stack replacement, which allocate on this thread too.
    /// </summary>
    public static long Steady(Action body, int rounds = 1000)
    {
        Pass();
        return Pass();

        long Pass()
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < rounds; i++)
            {
                body();
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
