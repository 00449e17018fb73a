using System.Text;
using Akka.Actor;
using Switch.Actors.Cards;
using Switch.Actors.Cards.Challenges;
using Switch.Actors.Transactions;
using Switch.Protocol.Masking;

namespace Switch.Host.Admin;

/// <summary>
/// Binds phones to cards for the admin API: validates the PAN and the phone, seals the phone under
/// the card's token at the edge (so no clear number travels to the card entity or its journal), and
/// waits for the card to make the binding durable.
/// </summary>
public sealed class CardBindings
{
    private readonly PanToken _tokens;
    private readonly PhoneCipher _phones;
    private readonly IActorRef _cards;
    private readonly TimeSpan _timeout;

    public CardBindings(PanToken tokens, PhoneCipher phones, IActorRef cards, TimeSpan timeout)
    {
        _tokens = tokens;
        _phones = phones;
        _cards = cards;
        _timeout = timeout;
    }

    /// <returns>The binding as it may be shown (masked), or the field that is wrong and why.</returns>
    public async Task<CardBindingResult> BindPhoneAsync(CardBindingRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsPan(request.Pan))
        {
            return CardBindingResult.Invalid("pan: 12 to 19 digits with a valid check digit are expected");
        }

        if (request.Phone is null || !PhoneNumbers.TryNormalize(request.Phone, out var phone))
        {
            return CardBindingResult.Invalid("phone: an optional + and 6 to 15 digits are expected");
        }

        if (request.Consent is not { } consent)
        {
            return CardBindingResult.Invalid("consent: true or false is required");
        }

        var token = _tokens.Compute(request.Pan.AsSpan());
        var bound = await _cards.Ask<PhoneBound>(new BindPhone(token, _phones.Seal(phone, token), consent), _timeout, cancellation).ConfigureAwait(false);
        return CardBindingResult.Bound(new CardBinding(Mask.Pan(request.Pan), Mask.Phone(phone), bound.Consent));
    }

    private static bool IsPan([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? pan)
    {
        if (pan is null || pan.Length is < CardNumber.MinLength or > CardNumber.MaxLength || !Ascii.IsValid(pan))
        {
            return false;
        }

        Span<byte> digits = stackalloc byte[CardNumber.MaxLength];
        var length = Encoding.ASCII.GetBytes(pan, digits);
        var valid = Luhn.IsValid(digits[..length]);
        digits.Clear();
        return valid;
    }
}

/// <summary>A binding as the API shows it: PAN and phone masked.</summary>
public sealed record CardBinding(string Card, string Phone, bool Consent);

public sealed record CardBindingResult(CardBinding? Binding, string? Error)
{
    public static CardBindingResult Bound(CardBinding binding) => new(binding, null);

    public static CardBindingResult Invalid(string error) => new(null, error);
}
