using Switch.Traffic.Scenarios;

namespace Switch.Traffic.Generator;

/// <summary>
/// One terminal's requests awaiting an answer, by STAN, lock-free. Each slot packs the request's
/// start time and STAN into one long, so whoever claims it first with a compare-and-swap (the
/// reader with the answer, the sweeper with a timeout, a connection loss) owns its outcome, and a
/// late answer for a STAN whose slot was reused can never complete the newer request.
/// STANs run 1..999999 and wrap; the ring's size divides 999999, so a STAN maps to the same slot on
/// every lap and a slot still taken means that STAN (or one a lap of the ring before it) is outstanding.
/// In a scenario run each slot also names the flow its request belongs to: written before the slot
/// is published, read before it is claimed, so whoever claims the request gets its flow.
/// </summary>
internal sealed class OutstandingRequests
{
    public const int MaxStan = 999_999;
    private const int StanBits = 20;
    private const long StanMask = (1L << StanBits) - 1;

    private readonly long[] _slots;
    private readonly Flow?[]? _flows;
    // Written only by the sender (under its terminal's send lock); read by the sweeper.
    private int _next;
    // Moved only by the sweeper: every STAN before it has had its outcome.
    private int _oldest;
    private int _count;

    /// <param name="withFlows">Keep the flow of each request (a scenario run).</param>
    public OutstandingRequests(int capacity, int firstStan, bool withFlows = false)
    {
        _slots = new long[RingSize(capacity)];
        _flows = withFlows ? new Flow?[_slots.Length] : null;
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
    public bool TryAdd(long startMicros, out int stan) => TryAdd(startMicros, flow: null, out stan);

    /// <summary>Takes the next STAN for a request of <paramref name="flow"/>; false when its slot is still taken.</summary>
    public bool TryAdd(long startMicros, Flow? flow, out int stan)
    {
        stan = _next;
        ref var slot = ref _slots[Index(stan)];
        if (Volatile.Read(ref slot) != 0)
        {
            return false;
        }

        if (_flows is not null)
        {
            // A finished flow's reference stays until the slot is reused: claimers must not clear what a sender may have just written.
            _flows[Index(stan)] = flow;
        }

        Volatile.Write(ref slot, Pack(startMicros, stan));
        Interlocked.Increment(ref _count);
        Volatile.Write(ref _next, stan == MaxStan ? 1 : stan + 1);
        return true;
    }

    /// <summary>Claims the request with <paramref name="stan"/> for its answer; false when it is not outstanding.</summary>
    public bool TryComplete(long stan, out long startMicros) => TryComplete(stan, out startMicros, out _);

    /// <summary>Claims the request with <paramref name="stan"/> and tells its flow (null outside a scenario run).</summary>
    public bool TryComplete(long stan, out long startMicros, out Flow? flow)
    {
        startMicros = 0;
        flow = null;
        if (stan is < 1 or > MaxStan)
        {
            return false;
        }

        ref var slot = ref _slots[Index((int)stan)];
        var packed = Volatile.Read(ref slot);
        var owner = FlowAt(Index((int)stan));
        if (packed == 0 || (packed & StanMask) != stan || !Claim(ref slot, packed))
        {
            return false;
        }

        flow = owner;
        startMicros = (packed >> StanBits) - 1;
        return true;
    }

    /// <summary>
    /// Claims every request started before <paramref name="deadlineMicros"/>; one caller at a time.
    /// Returns how many; <paramref name="expired"/> hears each claimed request's flow.
    /// </summary>
    public int Expire(long deadlineMicros, Action<Flow>? expired = null)
    {
        var count = 0;
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

                var flow = FlowAt(Index(_oldest));
                if (Claim(ref slot, packed))
                {
                    count++;
                    Tell(expired, flow);
                }
            }

            _oldest = _oldest == MaxStan ? 1 : _oldest + 1;
        }

        return count;
    }

    /// <summary>Claims everything outstanding (the connection is gone); the sender must have stopped adding.</summary>
    public int ExpireAll(Action<Flow>? expired = null)
    {
        var count = 0;
        for (var i = 0; i < _slots.Length; i++)
        {
            var packed = Volatile.Read(ref _slots[i]);
            var flow = FlowAt(i);
            if (packed != 0 && Claim(ref _slots[i], packed))
            {
                count++;
                Tell(expired, flow);
            }
        }

        return count;
    }

    private static void Tell(Action<Flow>? expired, Flow? flow)
    {
        if (flow is not null)
        {
            expired?.Invoke(flow);
        }
    }

    // Read after the slot (an acquire) and before the claim: the flow published with that slot.
    private Flow? FlowAt(int index) => _flows is null ? null : Volatile.Read(ref _flows[index]);

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
