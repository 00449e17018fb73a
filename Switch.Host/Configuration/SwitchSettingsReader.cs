using System.Net;
using Akka.Configuration;
using Switch.Actors.Acquirers;
using Switch.Actors.Registry;
using Switch.Actors.Terminals.Keys;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Security;

namespace Switch.Host.Configuration;

/// <summary>Maps <c>switch { ... }</c> onto <see cref="SwitchSettings"/>, refusing the first bad key by name.</summary>
public static class SwitchSettingsReader
{
    public static SwitchSettings Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = new ConfigReader(config, string.Empty).Child("switch");
        var links = root.Objects("acquirers").Select(block => (Block: block, Settings: ReadAcquirer(block))).ToList();
        var acquirers = links.Select(link => link.Settings).ToList();
        RequireUnique(acquirers.Select(a => a.Name), root.Key("acquirers"), "name");
        var acquirerTls = links
            .Select(link => (link.Settings.Name, Tls: TlsSettingsReader.ReadLink(link.Block, link.Settings.Endpoint)))
            .Where(link => link.Tls is not null)
            .ToDictionary(link => link.Name, link => link.Tls!, StringComparer.Ordinal);
        return new SwitchSettings(
            root.Int("node-id", 0, 9),
            ReadSecurity(root.Child("security")),
            ReadTerminals(root.Child("terminals")),
            acquirers,
            ReadReversals(root.Child("reversals")),
            ReadJournal(root.Child("journal")),
            ReadAdmin(root.Child("admin")),
            ReadCluster(root.Child("cluster")),
            ReadSms(root.Child("sms")),
            ReadRegistry(root.Child("registry")),
            ChallengeSettingsReader.ReadCards(root.Child("cards")),
            ChallengeSettingsReader.Read(root.Child("challenge")),
            RiskSettingsReader.Read(root.Child("risk")),
            OfferSettingsReader.Read(root),
            FeePlanSettingsReader.Read(root),
            RoutingSettingsReader.Read(root.Child("routing"), [.. acquirers.Select(a => a.Name)]))
        {
            AcquirerTls = acquirerTls,
        };
    }

    private static TerminalListenerSettings ReadTerminals(ConfigReader terminals) => new(
        terminals.ListenEndpoint("listen"),
        ReadProfile(terminals),
        ReadFraming(terminals, terminals.Flag("tpdu"), terminals.Int("max-frame", 32, ushort.MaxValue)),
        terminals.Duration("duplicate-window"),
        terminals.Int("duplicate-memory", 1, 100_000),
        terminals.Duration("reversal-window"),
        terminals.Int("reversal-memory", 1, 100_000),
        terminals.Duration("passivate-after"),
        terminals.Long("max-amount", 1, 999_999_999_999),
        new TerminalLimits(
            terminals.Int("max-connections", 1, 1_000_000),
            terminals.Int("max-connections-per-address", 0, 1_000_000),
            terminals.Duration("idle-timeout"),
            terminals.Duration("frame-timeout"),
            terminals.Int("max-sign-ons-per-minute", 1, 1000)),
        terminals.Duration("drain-timeout"))
    {
        Tls = TlsSettingsReader.ReadTerminals(terminals),
        Mac = terminals.Choice<TerminalMacMode>("mac"),
    };

    private static SecuritySettings ReadSecurity(ConfigReader security) => new(
        Key(security, "pan-token-key"),
        Key(security, "phone-key", exactLength: 32),
        Key(security, "otp-key"),
        Key(security, "terminal-key-encryption-key"));

    /// <summary>A key given as base64: at least 32 bytes (HMAC-SHA256's strength), or exactly <paramref name="exactLength"/>.</summary>
    private static byte[] Key(ConfigReader security, string key, int? exactLength = null)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(security.RequiredText(key));
        }
        catch (FormatException)
        {
            throw security.Invalid(key, "is not base64");
        }

        return exactLength switch
        {
            { } exact when bytes.Length != exact => throw security.Invalid(key, $"holds {bytes.Length} bytes; exactly {exact} are needed"),
            null when bytes.Length < 32 => throw security.Invalid(key, $"holds {bytes.Length} bytes; at least 32 are needed"),
            _ => bytes,
        };
    }

    private static AcquirerLinkSettings ReadAcquirer(ConfigReader acquirer)
    {
        var settings = new AcquirerLinkSettings(
            acquirer.RequiredText("name"),
            acquirer.PeerEndpoint("endpoint"),
            ReadProfile(acquirer),
            ReadFraming(acquirer, tpdu: false, FrameOptions.DefaultMaxFrame),
            acquirer.Duration("timeout"),
            acquirer.Duration("echo-interval"),
            acquirer.Duration("reconnect-min"),
            acquirer.Duration("reconnect-max"));
        return settings.ReconnectMax >= settings.ReconnectMin
            ? settings
            : throw acquirer.Invalid("reconnect-max", "must not be shorter than reconnect-min");
    }

    /// <summary>A shipped profile by name, or an inline <c>profile { ... }</c> block.</summary>
    private static IsoProfile ReadProfile(ConfigReader block)
    {
        try
        {
            return block.IsObject("profile")
                ? HoconProfileReader.Read(block.Config.GetConfig("profile"), block.Key("profile"))
                : IsoProfiles.Get(block.Text("profile"));
        }
        catch (ProfileDefinitionException ex)
        {
            var key = ex.Key.StartsWith(block.Path, StringComparison.Ordinal) ? ex.Key : block.Key("profile");
            throw new ConfigurationKeyException(key, ex.Message[(ex.Key.Length + 2)..]);
        }
    }

    private static FrameOptions ReadFraming(ConfigReader block, bool tpdu, int maxFrame)
    {
        var header = block.Choice<LengthHeader>("length-header");
        if (header == LengthHeader.Ascii4 && maxFrame > 9999)
        {
            throw block.Invalid("max-frame", "cannot exceed 9999 with a 4-digit ASCII length header");
        }

        return new FrameOptions(header, tpdu, maxFrame);
    }

    private static ReversalQueueSettings ReadReversals(ConfigReader reversals)
    {
        var settings = new ReversalQueueSettings(
            reversals.Duration("retry-min"),
            reversals.Duration("retry-max"),
            reversals.Int("max-in-flight", 1, 1000),
            reversals.Duration("answered-memory"));
        return settings.RetryMax >= settings.RetryMin
            ? settings
            : throw reversals.Invalid("retry-max", "must not be shorter than retry-min");
    }

    private static JournalSettings ReadJournal(ConfigReader journal) =>
        new(journal.Choice<JournalProvider>("provider"), journal.RequiredText("connection-string"), journal.Choice<SqliteSynchronous>("sqlite-synchronous"),
            journal.Choice<SqliteWriter>("sqlite-writer"));

    private static AdminSettings ReadAdmin(ConfigReader admin) =>
        new(admin.ListenEndpoint("listen"), admin.RequiredText("token"));

    private static ClusterSettings ReadCluster(ConfigReader cluster) =>
        new(cluster.ListenEndpoint("listen"), cluster.PeerEndpoints("seed-nodes"), cluster.Choice<DowningStrategy>("downing"), cluster.Duration("stable-after"));

    private static SmsSettings ReadSms(ConfigReader sms)
    {
        var url = sms.Text("webhook-url");
        Uri? uri = null;
        if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            throw sms.Invalid("webhook-url", $"'{url}' is not an http(s) URL");
        }

        var settings = new SmsSettings(uri, sms.Text("secret"))
        {
            Timeout = sms.Duration("timeout"),
            Attempts = sms.Int("attempts", 1, 10),
            Backoff = sms.Duration("backoff"),
            BackoffMax = sms.Duration("backoff-max"),
            TotalTimeout = sms.Duration("total-timeout"),
        };
        return settings.BackoffMax < settings.Backoff ? throw sms.Invalid("backoff-max", "must not be shorter than backoff")
            : settings.TotalTimeout < settings.Timeout ? throw sms.Invalid("total-timeout", "must not be shorter than timeout")
            : settings;
    }

    private static RegistrySettings ReadRegistry(ConfigReader registry)
    {
        var merchants = registry.Objects("merchants").Select(ReadMerchant).ToList();
        RequireUnique(merchants.Select(m => m.Mid), registry.Key("merchants"), "mid");
        var known = merchants.Select(m => m.Mid).ToHashSet(StringComparer.Ordinal);
        var terminals = registry.Objects("terminals").Select(t =>
        {
            var terminal = new TerminalRegistration(Identifier(t, "tid", 8), Identifier(t, "mid", 15));
            return known.Contains(terminal.Mid) ? terminal : throw t.Invalid("mid", $"'{terminal.Mid}' is not a merchant in {registry.Key("merchants")}");
        }).ToList();
        RequireUnique(terminals.Select(t => t.Tid), registry.Key("terminals"), "tid");
        var masterKeys = registry.Objects("terminals")
            .Where(t => t.Config.HasPath("master-key"))
            .ToDictionary(t => t.RequiredText("tid"), MasterKey, StringComparer.Ordinal);
        return new RegistrySettings(merchants, terminals, masterKeys);
    }

    private static Merchant ReadMerchant(ConfigReader merchant)
    {
        var mcc = merchant.Text("mcc");
        if (mcc.Length != 4 || !mcc.All(char.IsAsciiDigit))
        {
            throw merchant.Invalid("mcc", $"'{mcc}' is not a 4-digit merchant category code");
        }

        var country = merchant.Text("country");
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            throw merchant.Invalid("country", $"'{country}' is not an ISO 3166 alpha-2 code such as CN");
        }

        return new Merchant(
            Identifier(merchant, "mid", 15),
            merchant.RequiredText("name"),
            mcc,
            country,
            merchant.Choice<ChallengePolicy>("challenge"),
            merchant.Config.HasPath("fee-plan") ? merchant.RequiredText("fee-plan") : null);
    }

    /// <summary>A terminal's AES-128 master key: 32 hex digits. The error never repeats the value.</summary>
    private static byte[] MasterKey(ConfigReader terminal)
    {
        var hex = terminal.RequiredText("master-key");
        try
        {
            var key = Convert.FromHexString(hex);
            return key.Length == MacKeys.KeyLength ? key : throw terminal.Invalid("master-key", $"holds {key.Length} bytes; exactly {MacKeys.KeyLength} (32 hex digits) are needed");
        }
        catch (FormatException)
        {
            throw terminal.Invalid("master-key", "is not hex");
        }
    }

    /// <summary>A TID or MID: printable ASCII without spaces, as it is sent in fields 41 and 42.</summary>
    private static string Identifier(ConfigReader block, string key, int maxLength)
    {
        var value = block.RequiredText(key);
        return value.Length <= maxLength && value.All(c => c is > ' ' and <= '~')
            ? value
            : throw block.Invalid(key, $"'{value}' must be 1 to {maxLength} printable ASCII characters without spaces");
    }

    private static void RequireUnique(IEnumerable<string> values, string key, string what)
    {
        var duplicate = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ConfigurationKeyException(key, $"{what} '{duplicate.Key}' appears more than once");
        }
    }
}
