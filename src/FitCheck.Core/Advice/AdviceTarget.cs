using FitCheck.Analysis;
using FitCheck.Diagnostics;
using FitCheck.Evaluation;
using FitCheck.Graph;
using FitCheck.Hardware;
using FitCheck.Manifest;
using FitCheck.Models;

namespace FitCheck.Advice;

/// <summary>
/// One deployment a question is asked about: a model (its source loaded once) at a resolution, batch and
/// precision on one accelerator with its gates. <see cref="Location"/> is where the manifest declared it.
/// </summary>
public sealed record AdviceTarget(
    string Model,
    IModelSource Source,
    Resolution Resolution,
    int Batch,
    Precision Precision,
    Accelerator Accelerator,
    GateSpec Gates,
    SourceLocation? Location = null);
