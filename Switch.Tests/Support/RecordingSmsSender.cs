using System.Collections.Concurrent;
using System.Threading.Channels;
using Switch.Actors.Cards;

namespace Switch.Tests.Support;

/// <summary>An SMS gateway that keeps what it was asked to send, for tests to read the codes from.</summary>
internal sealed class RecordingSmsSender : ISmsSender
{
    private readonly Channel<SmsMessage> _sent = Channel.CreateUnbounded<SmsMessage>();

    public ConcurrentQueue<SmsMessage> All { get; } = new();

    public Task<SmsDelivery> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        All.Enqueue(message);
        _sent.Writer.TryWrite(message);
        return Task.FromResult(new SmsDelivery(SmsDeliveryStatus.Delivered, 1));
    }

    /// <summary>The next text sent, waiting at most <paramref name="timeout"/>.</summary>
    public async Task<SmsMessage> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _sent.Reader.ReadAsync(cancel.Token);
    }

    /// <summary>The code in a text: its run of digits.</summary>
    public static string CodeIn(SmsMessage message) => new([.. message.Text.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit)]);
}
