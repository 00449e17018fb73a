using System.Globalization;
using System.Net;
using System.Text;

namespace Switch.Traffic.Report;

/// <summary>A named line of a chart, in data coordinates.</summary>
internal sealed record ChartSeries(string Name, string Color, IReadOnlyList<(double X, double Y)> Points);

/// <summary>A labelled mark on the x axis, at a data coordinate.</summary>
internal sealed record AxisTick(double Value, string Label);

/// <summary>What a line chart shows: the x range and its marks, how y values read, and the lines.</summary>
internal sealed record LineChart(string Title, string XLabel, double XMax, IReadOnlyList<AxisTick> XTicks, Func<double, string> YFormat, IReadOnlyList<ChartSeries> Series);

/// <summary>
/// Line charts as inline SVG drawn here, so the report needs no script and no network to open.
/// Both axes start at zero; the y axis is scaled to the highest point, with 1-2-5 steps.
/// </summary>
internal static class SvgChart
{
    private const double Width = 760;
    private const double Height = 300;
    private const double Left = 72;
    private const double Right = 20;
    private const double Top = 34;
    private const double Bottom = 48;
    private const int YSteps = 5;
    // Dots show where the samples are while there are few enough to tell apart.
    private const int MaxDottedPoints = 120;

    public static string Render(LineChart chart)
    {
        var svg = new StringBuilder();
        // No xmlns: inside HTML the parser knows svg, and the page stays free of any address.
        Append(svg, $"<svg viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Escape(chart.Title)}\">");
        Append(svg, $"<text x=\"{Left}\" y=\"20\" class=\"title\">{Escape(chart.Title)}</text>");
        var points = chart.Series.SelectMany(s => s.Points).ToArray();
        if (points.Length == 0 || chart.XMax <= 0)
        {
            Append(svg, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" class=\"axis\">no data</text></svg>");
            return svg.ToString();
        }

        var yStep = NiceStep(points.Max(p => p.Y) / YSteps);
        var yMax = yStep * Math.Max(1, Math.Ceiling(points.Max(p => p.Y) / yStep));
        double X(double x) => Left + (Math.Clamp(x, 0, chart.XMax) / chart.XMax * (Width - Left - Right));
        double Y(double y) => Height - Bottom - (Math.Clamp(y, 0, yMax) / yMax * (Height - Top - Bottom));

        for (var y = 0.0; y <= yMax + (yStep / 2); y += yStep)
        {
            Append(svg, $"<line x1=\"{Left}\" y1=\"{Y(y):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(y):0.#}\" class=\"grid\"/>");
            Append(svg, $"<text x=\"{Left - 6}\" y=\"{Y(y) + 4:0.#}\" text-anchor=\"end\" class=\"axis\">{Escape(chart.YFormat(y))}</text>");
        }

        foreach (var tick in chart.XTicks)
        {
            Append(svg, $"<line x1=\"{X(tick.Value):0.#}\" y1=\"{Top}\" x2=\"{X(tick.Value):0.#}\" y2=\"{Height - Bottom}\" class=\"grid\"/>");
            Append(svg, $"<text x=\"{X(tick.Value):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" class=\"axis\">{Escape(tick.Label)}</text>");
        }

        Append(svg, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\" class=\"axis\">{Escape(chart.XLabel)}</text>");
        var legendX = Width - Right;
        foreach (var series in chart.Series.Reverse())
        {
            Append(svg, $"<text x=\"{legendX}\" y=\"20\" text-anchor=\"end\" fill=\"{series.Color}\" class=\"legend\">{Escape(series.Name)}</text>");
            legendX -= 14 + (series.Name.Length * 8);
        }

        foreach (var series in chart.Series)
        {
            var line = string.Join(' ', series.Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):0.#},{Y(p.Y):0.#}")));
            Append(svg, $"<polyline points=\"{line}\" fill=\"none\" stroke=\"{series.Color}\" stroke-width=\"2\"/>");
            if (series.Points.Count <= MaxDottedPoints)
            {
                foreach (var (x, y) in series.Points)
                {
                    Append(svg, $"<circle cx=\"{X(x):0.#}\" cy=\"{Y(y):0.#}\" r=\"2.5\" fill=\"{series.Color}\"><title>{Escape(chart.YFormat(y))}</title></circle>");
                }
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Evenly spaced ticks at a 1-2-5 step from zero up to <paramref name="max"/>.</summary>
    public static IReadOnlyList<AxisTick> LinearTicks(double max, Func<double, string> format)
    {
        var step = NiceStep(max / 6);
        return [.. Enumerable.Range(0, (int)Math.Floor(max / step) + 1).Select(i => new AxisTick(i * step, format(i * step)))];
    }

    private static double NiceStep(double rough)
    {
        if (rough <= 0 || !double.IsFinite(rough))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        return magnitude * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10);
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static void Append(StringBuilder svg, FormattableString text) => svg.Append(text.ToString(CultureInfo.InvariantCulture));
}
