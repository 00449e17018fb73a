namespace Switch.Actors.Risk;

/// <summary>Computes every feature of an authorization at once: each is cheap, and rules, score and offers read many of them.</summary>
public static class FeatureExtractor
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly MccGroup[] AllGroups = Enum.GetValues<MccGroup>();

    public static RiskFeatures Extract(RiskInput input, FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        var card = input.Card;
        var amount = input.AmountMinor;
        var numbers = new double[FeatureCatalog.Numbers];
        void Set(NumberFeature feature, double value) => numbers[FeatureCatalog.Slot(feature)] = value;

        var group = settings.Mcc.Group(input.Mcc);
        var last30Days = card.Spend(30, settings.Mcc, input.Now);
        var last90Days = card.Spend(CardActivity.ProfileDays, settings.Mcc, input.Now);
        Set(NumberFeature.Amount, amount);
        Set(NumberFeature.AmountVsUsual, Ratio(amount, last90Days[group].Average));
        Set(NumberFeature.AmountVsUsualAll, Ratio(amount, last90Days.All.Average));

        var minute = card.Totals(Minute, input.Now).Add(amount);
        var hour = card.Totals(Hour, input.Now).Add(amount);
        var day = card.Totals(Day, input.Now).Add(amount);
        Set(NumberFeature.CardCount1m, minute.Count);
        Set(NumberFeature.CardCount1h, hour.Count);
        Set(NumberFeature.CardCount24h, day.Count);
        Set(NumberFeature.CardSum1m, minute.SumMinor);
        Set(NumberFeature.CardSum1h, hour.SumMinor);
        Set(NumberFeature.CardSum24h, day.SumMinor);

        var terminalMinute = input.Terminal.LastMinute.Add(amount);
        var terminalHour = input.Terminal.LastHour.Add(amount);
        Set(NumberFeature.TerminalCount1m, terminalMinute.Count);
        Set(NumberFeature.TerminalCount1h, terminalHour.Count);
        Set(NumberFeature.TerminalSum1m, terminalMinute.SumMinor);
        Set(NumberFeature.TerminalSum1h, terminalHour.SumMinor);

        Set(NumberFeature.CardDeclines24h, card.Declines(Day, input.Now));
        Set(NumberFeature.CardRiskDeclines24h, card.RiskDeclines(Day, input.Now));
        var small = card.SmallAmounts(Hour, settings.SmallAmountMinor, input.Mid, input.Now);
        var thisIsSmall = amount <= settings.SmallAmountMinor;
        Set(NumberFeature.CardSmallCount1h, small.Count + (thisIsSmall ? 1 : 0));
        Set(NumberFeature.CardSmallMerchants1h, small.Merchants + (thisIsSmall && !small.AtMerchant ? 1 : 0));

        var crossBorder = !string.IsNullOrEmpty(input.CardCountry) && !string.IsNullOrEmpty(input.MerchantCountry) &&
            !string.Equals(input.CardCountry, input.MerchantCountry, StringComparison.OrdinalIgnoreCase);
        Set(NumberFeature.CrossBorder, crossBorder ? 1 : 0);
        Set(NumberFeature.MccRisk, (int)settings.Mcc.RiskClass(input.Mcc));
        Set(NumberFeature.FirstUseAtMerchant, card.HasUsedMerchant(input.Mid) ? 0 : 1);
        var localHour = input.Now.ToOffset(settings.UtcOffset).Hour;
        Set(NumberFeature.Hour, localHour);
        Set(NumberFeature.Night, settings.Night.Contains(localHour) ? 1 : 0);

        foreach (var g in AllGroups)
        {
            numbers[FeatureCatalog.Slot(GroupSpendFeature.Spend30d, g)] = last30Days[g].SumMinor;
            numbers[FeatureCatalog.Slot(GroupSpendFeature.Spend90d, g)] = last90Days[g].SumMinor;
            numbers[FeatureCatalog.Slot(GroupSpendFeature.Count30d, g)] = last30Days[g].Count;
            numbers[FeatureCatalog.Slot(GroupSpendFeature.Count90d, g)] = last90Days[g].Count;
        }

        var texts = new string[FeatureCatalog.Texts];
        texts[(int)TextFeature.MccGroup] = FeatureCatalog.Name(group);
        texts[(int)TextFeature.Mcc] = input.Mcc;
        texts[(int)TextFeature.Mid] = input.Mid;
        texts[(int)TextFeature.MerchantCountry] = input.MerchantCountry;
        texts[(int)TextFeature.CardCountry] = input.CardCountry ?? string.Empty;
        return new RiskFeatures(numbers, texts);
    }

    /// <summary>Amount over the usual amount; 0 without history, since nothing is known to be unusual.</summary>
    private static double Ratio(long amountMinor, double usual) => usual > 0 ? amountMinor / usual : 0;
}
