# syntax=docker/dockerfile:1
# Build (README, "Container"): the version comes from git tags, and .git stays out of the build context, so it is
# passed in:
#   docker build --build-arg VERSION="$(dotnet msbuild src/Databrain.Api -t:MinVer -getProperty:MinVerVersion)" -t databrain-api .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so that the layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Databrain.Domain/Databrain.Domain.csproj src/Databrain.Domain/
COPY src/Databrain.Application/Databrain.Application.csproj src/Databrain.Application/
COPY src/Databrain.Infrastructure/Databrain.Infrastructure.csproj src/Databrain.Infrastructure/
COPY src/Databrain.Api/Databrain.Api.csproj src/Databrain.Api/
RUN dotnet restore src/Databrain.Api/Databrain.Api.csproj
COPY src/ src/
# Without it, MinVer finds no git history and the image would say 0.0.0-alpha.0: such a build is refused.
ARG VERSION
RUN test -n "$VERSION" || { echo 'Pass the version: docker build --build-arg VERSION="$(dotnet msbuild src/Databrain.Api -t:MinVer -getProperty:MinVerVersion)" .' >&2; exit 1; }
RUN dotnet publish src/Databrain.Api/Databrain.Api.csproj -c Release -o /app --no-restore -p:MinVerVersionOverride="$VERSION"

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The embedded SQLite default (Data Source=.data/databrain.db) needs a folder the app user may write, and it is a
# volume: the data outlives the container (docker run -v databrain-data:/app/.data …).
RUN mkdir -p /app/.data && chown "$APP_UID" /app/.data
VOLUME /app/.data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# The runtime image has no curl: bash's /dev/tcp asks /health/live.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# Non-root: the 'app' user the .NET images ship.
USER $APP_UID
ENTRYPOINT ["dotnet", "Databrain.Api.dll"]
