# CreditsBot: build and test with the SDK, run on the slim ASP.NET runtime as a non-root user.
# CI builds this file and runs the image on every run: tests/docker/check.sh.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the lock files, so the layer is cached until a dependency changes.
COPY Directory.Build.props Directory.Packages.props CreditsBot.sln ./
COPY src/CreditsBot.Core/*.csproj src/CreditsBot.Core/packages.lock.json src/CreditsBot.Core/
COPY src/CreditsBot.Discord/*.csproj src/CreditsBot.Discord/packages.lock.json src/CreditsBot.Discord/
COPY src/CreditsBot/*.csproj src/CreditsBot/packages.lock.json src/CreditsBot/
RUN dotnet restore src/CreditsBot/CreditsBot.csproj --locked-mode
COPY . .

# The image is only built when the tests pass (publish starts from this stage).
FROM build AS test
RUN dotnet test CreditsBot.sln

FROM test AS publish
RUN dotnet publish src/CreditsBot/CreditsBot.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=publish /app .
# Extra credits pages go in /data/credits; the on-disk index lives in /data/index.
# The base image sets ASPNETCORE_HTTP_PORTS=8080, and ASP.NET Core's own address settings win over Http:Urls:
# cleared here so that Http__Urls (below, or -e at run time) decides, unless the user sets ASPNETCORE_URLS or
# ASPNETCORE_HTTP_PORTS with docker run.
ENV ASPNETCORE_HTTP_PORTS= \
    Http__Urls=http://0.0.0.0:8080 \
    Credits__SeedFolders__0=/app/seeds \
    Credits__SeedFolders__1=/data/credits \
    Credits__IndexFolder=/data/index \
    DOTNET_gcServer=0
RUN mkdir -p /data/credits /data/index && chown -R $APP_UID /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["dotnet", "CreditsBot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "CreditsBot.dll"]
