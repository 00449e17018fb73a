namespace Switch.Traffic.Generator;

/// <summary>
/// One terminal's requests awaiting an answer, by STAN, lock-free. Each slot packs the request's
/// start time and STAN into one long, so whoever claims it first with a compare-and-swap (the
/// reader with the answer, the sweeper with a timeout, a connection loss) owns its outcome, and a
/// late answer for a STAN whose slot was reused can never complete the newer request.
/// STANs run 1..999999 and wrap; the ring's size divides 999999, so a STAN maps to the same slot on
/// every lap and a slot still taken means that STAN (or one a lap of the ring before it) is outstanding.
/// </summary>
internal sealed class OutstandingRequests
{
    public const int MaxStan = 999_999;
    private const int StanBits = 20;
    private const long StanMask = (1L << StanBits) - 1;

    private readonly long[] _slots;
    // Written only by the sender (under its terminal's send lock); read by the sweeper.
    private int _next;
    // Moved only by the sweeper: every STAN before it has had its outcome.
    private int _oldest;
    private int _count;

    public OutstandingRequests(int capacity, int firstStan)
    {
        _slots = new long[RingSize(capacity)];
        _next = firstStan;
        _oldest = firstStan;
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The smallest divisor of 999999 that holds <paramref name="capacity"/> requests.</summary>
    public static int RingSize(int capacity)
    {
        var size = Math.Clamp(capacity, 1, MaxStan);
        while (MaxStan % size != 0)
        {
            size++;
        }

        return size;
    }

    /// <summary>Takes the next STAN for a request started at <paramref name="startMicros"/>; false when its slot is still taken.</summary>
    public bool TryAdd(long startMicros, out int stan)
    {
        stan = _next;
        ref var slot = ref _slots[Index(stan)];
        if (Volatile.Read(ref slot) != 0)
        {
            return false;
        }

        Volatile.Write(ref slot, Pack(startMicros, stan));
        Interlocked.Increment(ref _count);
        Volatile.Write(ref _next, stan == MaxStan ? 1 : stan + 1);
        return true;
    }

    /// <summary>Claims the request with <paramref name="stan"/> for its answer; false when it is not outstanding.</summary>
    public bool TryComplete(long stan, out long startMicros)
    {
        startMicros = 0;
        if (stan is < 1 or > MaxStan)
        {
            return false;
        }

        ref var slot = ref _slots[Index((int)stan)];
        var packed = Volatile.Read(ref slot);
        if (packed == 0 || (packed & StanMask) != stan || !Claim(ref slot, packed))
        {
            return false;
        }

        startMicros = (packed >> StanBits) - 1;
        return true;
    }

    /// <summary>Claims every request started before <paramref name="deadlineMicros"/>; one caller at a time. Returns how many.</summary>
    public int Expire(long deadlineMicros)
    {
        var expired = 0;
        var next = Volatile.Read(ref _next);
        while (_oldest != next)
        {
            ref var slot = ref _slots[Index(_oldest)];
            var packed = Volatile.Read(ref slot);
            // Requests are added in time order: the first one still in time ends the sweep.
            if (packed != 0 && (packed & StanMask) == _oldest)
            {
                if ((packed >> StanBits) - 1 >= deadlineMicros)
                {
                    break;
                }

                if (Claim(ref slot, packed))
                {
                    expired++;
                }
            }

            _oldest = _oldest == MaxStan ? 1 : _oldest + 1;
        }

        return expired;
    }

    /// <summary>Claims everything outstanding (the connection is gone); the sender must have stopped adding.</summary>
    public int ExpireAll()
    {
        var expired = 0;
        for (var i = 0; i < _slots.Length; i++)
        {
            var packed = Volatile.Read(ref _slots[i]);
            if (packed != 0 && Claim(ref _slots[i], packed))
            {
                expired++;
            }
        }

        return expired;
    }

    private bool Claim(ref long slot, long packed)
    {
        if (Interlocked.CompareExchange(ref slot, 0, packed) != packed)
        {
            return false;
        }

        Interlocked.Decrement(ref _count);
        return true;
    }

    private int Index(int stan) => (stan - 1) % _slots.Length;

    // Plus one so a request started at time zero still packs to a non-zero slot.
    private static long Pack(long startMicros, int stan) => ((startMicros + 1) << StanBits) | (uint)stan;
}
