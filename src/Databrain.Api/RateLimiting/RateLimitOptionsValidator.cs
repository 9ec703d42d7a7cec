using System.Net;
using Microsoft.Extensions.Options;

namespace Databrain.Api.RateLimiting;

/// <summary>
/// Checks <see cref="RateLimitOptions"/> when the service starts (the ranges on its nested limits, which the
/// options source generator follows through <see cref="ValidateObjectMembersAttribute"/>, and the proxy
/// addresses), so that a bad value stops start-up with the key, the value and what is allowed.
/// </summary>
[OptionsValidator]
public sealed partial class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>;
