using System.CommandLine;
using System.Globalization;
using System.Net;
using Switch.Traffic.Generator;
using Switch.Traffic.Scenarios;

namespace Switch.Traffic.Cli;

/// <summary>
/// The run command's scenario, provisioning and SMS options, and the rules between them: the
/// challenged scenarios need their cards' phones bound (<c>--admin</c>) and a sink for the codes
/// (<c>--sms-listen</c>, on any free loopback port unless given).
/// </summary>
internal sealed class ScenarioArguments
{
    /// <summary>A run may be repeated within the hour: a card opens at most 5 challenges an hour by default, so a run uses each for 2.</summary>
    public const int FlowsPerCard = 2;

    private static readonly IPEndPoint AnyLoopbackPort = new(IPAddress.Loopback, 0);

    private readonly Option<string?> _mix = new("--mix")
    {
        Description = $"scenario weights, e.g. purchase=70,challenge=10,wrong-code=5,reversal=5,decline=10 ({ScenarioNames.Names}); without it, plain purchases",
    };

    private readonly Option<string?> _admin = new("--admin") { Description = "the switch's admin API, http://HOST:PORT: merchants, terminals and card phones are provisioned there first" };
    private readonly Option<string?> _adminToken = new("--admin-token") { Description = "the admin API's bearer token (switch.admin.token)" };
    private readonly Option<string?> _feePlan = new("--fee-plan") { Description = "with --admin: the fee plan the provisioned merchants are charged under (e.g. std-2026); none unless given" };
    private readonly Option<string?> _smsListen = new("--sms-listen") { Description = "HOST:PORT of the SMS sink the switch texts codes to (default 127.0.0.1:0 when the mix has challenges)" };
    private readonly Option<string?> _smsSecret = new("--sms-secret") { Description = "the switch's switch.sms.secret: the sink refuses unsigned SMS" };
    private readonly Option<string> _challengeMid = new("--challenge-mid") { Description = "merchant of the challenged scenarios' terminals (challenge = always)", DefaultValueFactory = _ => ScenarioOptions.DefaultChallengeMid };
    private readonly Option<int?> _challengeCards = new("--challenge-cards") { Description = "cards with bound phones the challenged flows are dealt over (default: 2 flows per card, at least 100)" };

    public IEnumerable<Option> All => [_mix, _admin, _adminToken, _feePlan, _smsListen, _smsSecret, _challengeMid, _challengeCards];

    public bool TryRead(ParseResult result, RunOptions options, out ScenarioSetup setup, out string failure)
    {
        setup = ScenarioSetup.None;
        failure = string.Empty;
        ScenarioMix? mix = null;
        if (result.GetValue(_mix) is { } text && !ScenarioMix.TryParse(text, out mix, out var mixError))
        {
            failure = mixError;
            return false;
        }

        Uri? admin = null;
        if (result.GetValue(_admin) is { } adminText
            && !(Uri.TryCreate(adminText, UriKind.Absolute, out admin) && admin.Scheme is "http" or "https"))
        {
            failure = $"--admin: '{adminText}' is not an http:// or https:// URL";
            return false;
        }

        var token = result.GetValue(_adminToken);
        if (admin is not null && string.IsNullOrEmpty(token))
        {
            failure = "--admin-token: required with --admin";
            return false;
        }

        var feePlan = result.GetValue(_feePlan);
        if (feePlan is not null && (admin is null || feePlan.Length == 0))
        {
            failure = "--fee-plan: a plan id, and only with --admin";
            return false;
        }

        var challenges = mix?.HasChallenges == true;
        if (challenges && admin is null)
        {
            failure = $"--mix: {ScenarioNames.Name(Scenario.Challenge)} and {ScenarioNames.Name(Scenario.WrongCode)} need --admin and --admin-token: their cards' phones are bound through the admin API";
            return false;
        }

        if (!TryReadSms(result, challenges, out var listen, out var secret, out failure))
        {
            return false;
        }

        var scenarios = mix is null ? null : new ScenarioOptions
        {
            Mix = mix,
            ChallengeMid = result.GetValue(_challengeMid)!,
            ChallengeCards = result.GetValue(_challengeCards) ?? ChallengeCards.Needed(mix, options.Rate, options.RampUp + options.Duration, FlowsPerCard),
        };
        setup = new ScenarioSetup(scenarios, admin, token, feePlan, listen, secret);
        return true;
    }

    private bool TryReadSms(ParseResult result, bool challenges, out IPEndPoint? listen, out string? secret, out string failure)
    {
        listen = null;
        secret = result.GetValue(_smsSecret);
        failure = string.Empty;
        var listenText = result.GetValue(_smsListen);
        if (!challenges && (listenText is not null || secret is not null))
        {
            failure = $"{(listenText is not null ? "--sms-listen" : "--sms-secret")}: the SMS sink is only for a --mix with {ScenarioNames.Name(Scenario.Challenge)} or {ScenarioNames.Name(Scenario.WrongCode)}";
            return false;
        }

        if (secret is { Length: 0 })
        {
            failure = "--sms-secret: must not be empty (leave it out to accept unsigned SMS)";
            return false;
        }

        if (listenText is not null && !Endpoints.TryParse(listenText, out listen))
        {
            failure = string.Create(CultureInfo.InvariantCulture, $"--sms-listen: '{listenText}' is not HOST:PORT");
            return false;
        }

        listen ??= challenges ? AnyLoopbackPort : null;
        return true;
    }
}

/// <summary>What the scenario options asked for: the scenarios, where to provision them, and where the SMS sink listens.</summary>
internal sealed record ScenarioSetup(ScenarioOptions? Scenarios, Uri? Admin, string? AdminToken, string? FeePlan, IPEndPoint? SmsListen, string? SmsSecret)
{
    public static ScenarioSetup None { get; } = new(null, null, null, null, null, null);

    public override string ToString() => $"ScenarioSetup {{ Admin = {Admin}, SmsListen = {SmsListen} }}";
}
