namespace FitCheck.Cli;

/// <summary>What `dotnet fitcheck init` writes: a manifest that passes as it is and shows every common key.</summary>
internal static class StarterManifest
{
    /// <summary>Where editors fetch the schema; the same file ships in the tool package under schema/.</summary>
    public const string SchemaUrl = "https://raw.githubusercontent.com/fitcheck/fitcheck/main/schema/fitcheck.schema.json";

    public const string Text = $$"""
        # yaml-language-server: $schema={{SchemaUrl}}
        #
        # FitCheck manifest: which models, at which input resolutions, must fit which accelerators.
        # Run `dotnet fitcheck check fitcheck.yml`: exit 0 every gate passes, 1 a gate fails, 2 the input is wrong.
        version: 1

        accelerators:
          # One on-chip SRAM with DRAM behind it, fastest tier first. Every size and rate takes a unit.
          - name: my-npu
            compute: 4 TOPS
            utilization: 60%
            overlap: pipelined
            memory:
              - name: sram
                size: 8 MiB
                bandwidth: 200 GB/s
              - name: dram
                size: 2 GiB
                bandwidth: 17 GB/s

        models:
          - name: resnet50
            source: zoo:resnet50 # or a Darknet .cfg or an .onnx file; `dotnet fitcheck zoo` lists built-ins
            resolutions: [224x224]
            precision: int8
            deploy: [my-npu]
            gates:
              weights: anywhere # weights may stream from DRAM
              activations: on-chip # the activation arena must stay in SRAM
              headroom: 10%

        """;
}
