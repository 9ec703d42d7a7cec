using System.Diagnostics.Metrics;

namespace Databrain.UnitTests.Behaviors;

/// <summary>Meters for a class under test that counts, disposed with the test.</summary>
internal sealed class Meters : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}
