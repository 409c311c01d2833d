using FitCheck.Diagnostics;
using FitCheck.Graph;
using FitCheck.Models.Darknet;
using Xunit.Abstractions;

namespace FitCheck.Tests.Darknet;

/// <summary>
/// Every distinct .cfg of pjreddie/darknet and AlexeyAB/darknet (Data/repository, public domain) imports at its
/// [net] size, unless listed in <see cref="Refused"/> with the reason FitCheck cannot model it.
/// </summary>
public sealed class DarknetRepositoryCfgTests(ITestOutputHelper output)
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Darknet", "Data", "repository");

    /// <summary>Files Darknet itself loads but FitCheck refuses, with the reason (checked against the diagnostic).</summary>
    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        // A P7 network (deepest stride 128) whose [net] says 320: Darknet's own routes would join 3x3 with 2x2 maps.
        ["alexeyab/cspx-p7-mish-omega.cfg"] = "width and height must be multiples of 128",
        // 'beta1' is read by no Darknet parser: Darknet warns "Unused field" and FitCheck asks for it to be removed.
        ["alexeyab/yolov4-sam-mish-csp-reorg-bfm.cfg"] = "unknown key 'beta1' in [yolo]",
    };

    [Fact]
    public void Vgg16CropsTo224AndHasThePublishedParameterCount()
    {
        // darknet's vgg-16.cfg: a 256x256 [net], a [crop] to 224x224, then VGG-16 as published: 138,357,544
        // parameters (Simonyan & Zisserman's configuration D, as Keras and torchvision count it), 15.47 GMAC.
        var model = DarknetModel.Load(Path.Combine(Root, "pjreddie", "vgg-16.cfg"));
        var network = model.Build(model.DefaultResolution, 1);
        Assert.Equal(new TensorShape(1, 3, 224, 224), network.Layers[1].Output);
        Assert.Equal(138_357_544, network.Parameters);
        Assert.InRange(network.Macs, 15.40e9, 15.55e9);
    }

    [Fact]
    public void ResNet50sFirstShortcutAdds64ChannelsOnto256()
    {
        // Darknet layers 1 (maxpool, 64 x 64 x 64), 2-4 (bottleneck to 256), 5: [shortcut] from=-4 keeps 256.
        var model = DarknetModel.Load(Path.Combine(Root, "pjreddie", "resnet50.cfg"));
        var network = model.Build(model.DefaultResolution, 1);
        var add = network.Layers[6];
        Assert.Equal(LayerKind.Add, add.Kind);
        Assert.Equal([5, 2], add.Inputs);
        Assert.Equal(new TensorShape(1, 64, 64, 64), network.Layers[2].Output);
        Assert.Equal(new TensorShape(1, 256, 64, 64), add.Output);
    }

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Root, "*.cfg", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, f).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ImportsAtItsNetSize(string file)
    {
        try
        {
            var model = DarknetModel.Load(Path.Combine(Root, file));
            var network = model.Build(model.DefaultResolution, 1);
            output.WriteLine($"{file}: {network.Layers.Count - 1} layers, {network.Parameters:N0} parameters, {network.Macs:N0} MACs");
            Assert.False(Refused.ContainsKey(file), $"{file} imports now: remove it from the refused list");
            Assert.Equal(model.LayerCount + 1, network.Layers.Count);
        }
        catch (FitCheckException e) when (Refused.TryGetValue(file, out var reason))
        {
            Assert.Contains(reason, e.Diagnostic.Message, StringComparison.Ordinal);
        }
    }
}
