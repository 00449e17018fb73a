namespace Switch.Actors.Transactions;

/// <summary>
/// The processing codes (field 3: TT transaction type, AA from-account, BB to-account) this switch
/// authorizes. DESIGN.md's terminal port carries authorizations (0100) and purchases (0200) of goods
/// and services, and everything downstream (risk scoring, the phone challenge, the write-ahead
/// journal, reversal on timeout) is built for that debit. So only TT = 00 is accepted; the rest are
/// answered 12 rather than forwarded as if they were purchases:
/// <list type="bullet">
/// <item>01 cash and 09 purchase with cashback: cash at a merchant POS needs a cash-disbursement MCC
/// (6010) or the cashback amount in field 54, and per-market cash limits; none of that is modelled.</item>
/// <item>20 refund / return: a credit to the card. It is not risk-scored or challenged like a debit,
/// should be tied to its original purchase, and its reversal moves money the other way.</item>
/// <item>30/31 balance inquiry: no amount and no money moves, so the amount rule cannot hold.</item>
/// <item>02/22 adjustments, 40 transfers, 90+ private use: not in the terminal contract.</item>
/// </list>
/// AA may be 00 (default), 10 (savings), 20 (cheque) or 30 (credit): which account the cardholder
/// chose is the issuer's concern and is passed through. BB must be 00, as a purchase has no to-account.
/// </summary>
internal static class ProcessingCodes
{
    private const int GoodsAndServices = 0;

    public static bool IsSupported(long code)
    {
        if (code is < 0 or > 999_999)
        {
            return false;
        }

        var type = code / 10_000;
        var from = code / 100 % 100;
        var to = code % 100;
        return type == GoodsAndServices && from is 0 or 10 or 20 or 30 && to == 0;
    }
}
