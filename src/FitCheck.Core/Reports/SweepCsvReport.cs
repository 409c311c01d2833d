using System.Globalization;
using System.Text;
using FitCheck.Evaluation;

namespace FitCheck.Reports;

/// <summary>
/// `sweep --format csv`: one row per model x resolution, sizes in bytes, fps per accelerator (empty where
/// the model does not fit), invariant culture so a spreadsheet in any locale reads the same numbers.
/// </summary>
public static class SweepCsvReport
{
    public static string ToString(SweepResult sweep)
    {
        var sb = new StringBuilder();
        sb.Append("model,width,height,megapixels,weightBytes,activationBytes,codeBytes,totalBytes");
        foreach (var a in sweep.Accelerators)
        {
            sb.Append(",fps_").Append(a.Name);
        }

        sb.Append('\n');
        foreach (var p in sweep.Points)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{p.Model},{p.Resolution.Width},{p.Resolution.Height},{p.Megapixels:0.######},{p.WeightBytes},{p.ActivationBytes},{p.CodeBytes},{p.TotalBytes}");
            foreach (var f in p.Fps)
            {
                sb.Append(',').Append(f is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
