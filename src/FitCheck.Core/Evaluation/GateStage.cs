namespace FitCheck.Evaluation;

/// <summary>When a gate is evaluated: with the deployment, or once a baseline has been compared.</summary>
public enum GateStage
{
    Deployment,
    Baseline,
}
