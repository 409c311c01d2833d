using FitCheck.Diagnostics;
using FitCheck.Models.Zoo;

namespace FitCheck.Tests.Zoo;

public class ModelZooTests
{
    [Theory]
    [InlineData("resnet50", "resnet50")]
    [InlineData("ResNet50", "resnet50")]
    [InlineData(" YOLOV3 ", "yolov3")]
    [InlineData("YoloV3-Tiny", "yolov3-tiny")]
    [InlineData("MOBILENET-V2", "mobilenet-v2")]
    [InlineData("EfficientNet-B0", "efficientnet-b0")]
    [InlineData("UNet", "unet")]
    [InlineData("ViT-B16", "vit-b16")]
    public void LookupIgnoresCaseAndSurroundingSpace(string asked, string found)
    {
        Assert.True(ModelZoo.TryGet(asked, out var model));
        Assert.Equal(found, model.Name);
    }

    [Fact]
    public void UnknownNamesSuggestTheClosestModel()
    {
        Assert.False(ModelZoo.TryGet("resnet", out _));
        var ex = Assert.Throws<FitCheckException>(() => ModelZoo.Get("resnet5O", null));
        Assert.Equal("FC0201", ex.Diagnostic.Id);
        Assert.Contains("resnet50", ex.Diagnostic.Message);
    }

    [Fact]
    public void TheZooListsTheEightModelsInPriorityOrder()
    {
        Assert.Equal(
            ["resnet50", "yolov3", "yolov3-tiny", "mobilenet-v1", "mobilenet-v2", "efficientnet-b0", "unet", "vit-b16"],
            ModelZoo.All.Select(m => m.Name));
    }

    [Fact]
    public void NamesAreUniqueAndEveryModelBuildsAtItsDefaultResolution()
    {
        Assert.Equal(ModelZoo.All.Count, ModelZoo.All.Select(m => m.Name.ToLowerInvariant()).Distinct().Count());
        foreach (var model in ModelZoo.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(model.Description));
            var net = model.Build(model.DefaultResolution, 1);
            Assert.Equal(model.DefaultResolution.Height, net.Input.H);
            Assert.Equal(model.DefaultResolution.Width, net.Input.W);
            Assert.True(net.Parameters > 0 && net.Macs > 0);
        }
    }
}
