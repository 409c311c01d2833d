using System.Reflection;
using System.Text.RegularExpressions;
using FitCheck.Tests.Support;

namespace FitCheck.Tests.Architecture;

/// <summary>
/// Core's folders form a DAG in the pipeline's order (README, "Layout"): a namespace may use its own layer
/// and earlier ones, never a later one, the way Vela's stages never import a later stage. Checked twice:
/// over the sources' `using` directives (what a reader sees) and over the compiled types' signatures
/// (what a fully qualified name would slip past).
/// </summary>
public partial class LayeringTests
{
    /// <summary>The documented order; a sub-namespace (Models.Onnx) belongs to its top folder's layer.</summary>
    public static readonly string[] Order =
        ["Diagnostics", "Units", "Graph", "Analysis", "Models", "Hardware", "Throughput", "Evaluation", "Manifest", "Advice", "Baseline", "Reports"];

    [Fact]
    public void Every_core_folder_is_a_listed_layer_and_holds_its_own_namespace()
    {
        foreach (var file in CoreSources())
        {
            var folder = Path.GetRelativePath(CoreRoot, file).Split(Path.DirectorySeparatorChar)[0];
            var ns = NamespaceOf(File.ReadAllText(file));
            Assert.True(Order.Contains(folder), $"{file}: folder '{folder}' is not in the documented layer order");
            Assert.Equal(folder, LayerOf(ns));
        }
    }

    [Fact]
    public void Core_sources_use_no_later_layer()
    {
        var violations = new List<string>();
        foreach (var file in CoreSources())
        {
            var text = File.ReadAllText(file);
            var from = LayerOf(NamespaceOf(text));
            foreach (Match m in UsingDirective().Matches(text))
            {
                violations.AddRange(Violation(from, m.Groups["ns"].Value, Path.GetRelativePath(CoreRoot, file)));
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void Core_type_signatures_use_no_later_layer()
    {
        var violations = new List<string>();
        foreach (var type in typeof(FitCheck.Diagnostics.Diagnostic).Assembly.GetTypes())
        {
            if (type.Namespace is not { } ns || !ns.StartsWith("FitCheck.", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var used in SignatureTypes(type))
            {
                if (used.Namespace is { } u && u.StartsWith("FitCheck.", StringComparison.Ordinal))
                {
                    violations.AddRange(Violation(LayerOf(ns), u, type.FullName!));
                }
            }
        }

        Assert.Empty(violations.Distinct());
    }

    [Theory]
    [InlineData("Hardware", "FitCheck.Throughput", true)]
    [InlineData("Throughput", "FitCheck.Evaluation", true)]
    [InlineData("Analysis", "FitCheck.Hardware", true)]
    [InlineData("Evaluation", "FitCheck.Throughput", false)]
    [InlineData("Models", "FitCheck.Models.Onnx", false)]
    [InlineData("Reports", "FitCheck.Diagnostics", false)]
    public void The_check_flags_exactly_the_back_edges(string from, string used, bool flagged) =>
        Assert.Equal(flagged, Violation(from, used, "x").Any());

    private static string CoreRoot => RepoPaths.Of("src", "FitCheck.Core");

    private static IEnumerable<string> CoreSources() =>
        Directory.EnumerateFiles(CoreRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string NamespaceOf(string source) => FileNamespace().Match(source) is { Success: true } m
        ? m.Groups["ns"].Value
        : throw new InvalidOperationException("no file-scoped namespace");

    private static string LayerOf(string ns)
    {
        var parts = ns.Split('.');
        return parts.Length > 1 && parts[0] == "FitCheck" ? parts[1] : ns;
    }

    private static IEnumerable<string> Violation(string fromLayer, string usedNamespace, string where)
    {
        var to = LayerOf(usedNamespace);
        var f = Array.IndexOf(Order, fromLayer);
        var t = Array.IndexOf(Order, to);
        if (t < 0)
        {
            yield return $"{where}: uses {usedNamespace}, which is not a listed layer";
        }
        else if (t > f)
        {
            yield return $"{where}: {fromLayer} uses the later layer {to}";
        }
    }

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var direct = new List<Type>();
        if (type.BaseType is { } b)
        {
            direct.Add(b);
        }

        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(all).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo mi)
            {
                direct.Add(mi.ReturnType);
            }

            if (method.GetMethodBody() is { } body)
            {
                direct.AddRange(body.LocalVariables.Select(l => l.LocalType));
            }
        }

        return direct.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type t)
    {
        if (t.HasElementType && t.GetElementType() is { } e)
        {
            foreach (var u in Unwrap(e))
            {
                yield return u;
            }

            yield break;
        }

        yield return t;
        if (t.IsGenericType)
        {
            foreach (var arg in t.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return arg;
            }
        }
    }

    [GeneratedRegex(@"^namespace\s+(?<ns>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<ns>FitCheck(?:\.\w+)+)", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();
}
