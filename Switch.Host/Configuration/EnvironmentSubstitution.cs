using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Switch.Host.Configuration;

/// <summary>
/// HOCON's <c>key = ${?VARIABLE}</c> (set the key from the environment when the variable is set,
/// otherwise leave it as it was), applied before the text reaches Akka's parser, which treats
/// <c>${?...}</c> as a reference to another key and, unresolved, silently drops the rest of the
/// enclosing object. Supported as a whole value on a line of its own; anything else is refused.
/// </summary>
public static partial class EnvironmentSubstitution
{
    public static string Apply(string hocon, Func<string, string?> environment, string source)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        ArgumentNullException.ThrowIfNull(environment);
        var output = new StringBuilder(hocon.Length);
        var lines = hocon.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var whole = WholeLine().Match(line);
            if (whole.Success)
            {
                var value = environment(whole.Groups["variable"].Value);
                if (value is null)
                {
                    continue;
                }

                line = string.Concat(whole.Groups["assignment"].Value, HoconText.Quote(value), whole.Groups["rest"].Value);
            }
            else if (line.Contains("${?", StringComparison.Ordinal) && !IsComment(line))
            {
                throw new ConfigurationKeyException(
                    string.Create(CultureInfo.InvariantCulture, $"{source}:{i + 1}"),
                    "${?VARIABLE} is supported only as the whole value of a line of its own (key = ${?VARIABLE})");
            }

            output.Append(line);
            if (i < lines.Length - 1)
            {
                output.Append('\n');
            }
        }

        return output.ToString();
    }

    private static bool IsComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith('#') || trimmed.StartsWith("//", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<assignment>\s*[^\s=:#{}""]+\s*[=:]\s*)\$\{\?(?<variable>[A-Za-z_][A-Za-z0-9_]*)\}(?<rest>\s*(?:(?:#|//).*)?\r?)$")]
    private static partial Regex WholeLine();
}
