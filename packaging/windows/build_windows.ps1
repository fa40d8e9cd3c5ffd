# Build the Windows app folder and installer (run in "x64 Native Tools Command Prompt for VS 2022" PowerShell,
# from the repository root, after `py -3.11 -m venv .venv; .venv\Scripts\pip install -e .[test]` and
# `.venv\Scripts\python packaging\install_model.py`). Not buildable on Linux; see docs/desktop-bundle.md.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1 [-Sign]
#
# Needs: Visual Studio 2022 Build Tools (C++ workload, CMake), Python 3.11 x64, Inno Setup 6 (iscc.exe on PATH),
# and for -Sign: signtool.exe plus $env:SIGN_CERT_SHA1 (the certificate thumbprint in the user's store).
param([switch]$Sign)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
$Build = "$Root\packaging\build"
$Py = "$Root\.venv\Scripts\python.exe"
$Model = "$Root\models\SmolLM2-135M-Instruct.Q4_1.gguf"
if (-not (Test-Path $Py)) { throw "no .venv: create it and install the project first (see the header)" }
if (-not (Test-Path $Model)) { throw "the default model is missing: run .venv\Scripts\python packaging\install_model.py" }
$Version = & $Py -c "import roadmap_desktop; print(roadmap_desktop.__version__)"
$LlamaVersion = & $Py -c "from importlib.metadata import version; print(version('llama-cpp-python'))"

# 1. Portable llama-cpp-python: same baseline as Linux. GGML_OPENMP=OFF matters most here: MSVC's OpenMP
#    runtime (vcomp140.dll) is not next to llama.dll in the bundle, and ctypes then fails with
#    "Could not find module 'llama.dll' (or one of its dependencies)" on machines without that DLL.
$env:CMAKE_ARGS = "-DGGML_NATIVE=OFF -DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_BMI2=ON -DGGML_FMA=ON " +
    "-DGGML_F16C=ON -DGGML_AVX_VNNI=OFF -DGGML_AVX512=OFF -DGGML_OPENMP=OFF -DGGML_CPU_ALL_VARIANTS=OFF " +
    "-DGGML_BACKEND_DL=OFF -DLLAVA_BUILD=OFF -DLLAMA_CURL=OFF"
$Wheels = "$env:LOCALAPPDATA\roadmap-desktop\wheels\$LlamaVersion-portable"
if (-not (Get-ChildItem "$Wheels\llama_cpp_python-*.whl" -ErrorAction SilentlyContinue)) {
    & $Py -m pip wheel --no-cache-dir --no-deps --no-binary llama-cpp-python "llama-cpp-python==$LlamaVersion" -w $Wheels
    if ($LASTEXITCODE) { throw "building llama-cpp-python failed" }
}
$Wheel = (Get-ChildItem "$Wheels\llama_cpp_python-*.whl" | Select-Object -First 1).FullName

# 2. Build venv with the dev venv's versions, the portable wheel, PyInstaller and the project (non-editable).
$Venv = "$Build\venv"
if (-not (Test-Path "$Venv\Scripts\python.exe")) { & $Py -m venv $Venv }
$VPy = "$Venv\Scripts\python.exe"
& $Py -m pip freeze --exclude-editable | Where-Object { $_ -notmatch '^(llama[-_]cpp[-_]python|roadmap[-_]desktop)' } |
    Set-Content "$Build\constraints.txt"
& $VPy -m pip install -c "$Build\constraints.txt" $Wheel "pyinstaller==6.22.3" $Root
if ($LASTEXITCODE) { throw "installing the build venv failed" }

# 3. PyInstaller, then the model beside the app's data (sys._MEIPASS is the _internal folder).
$env:ROADMAP_DESKTOP_ROOT = $Root
& $VPy -m PyInstaller --noconfirm --distpath "$Build\dist" --workpath "$Build\work" "$Root\packaging\windows\roadmap-desktop.spec"
if ($LASTEXITCODE) { throw "PyInstaller failed" }
$App = "$Build\dist\roadmap-desktop"
New-Item -ItemType Directory -Force "$App\_internal\models" | Out-Null
Copy-Item $Model "$App\_internal\models\"
if (Get-ChildItem "$App\_internal\llama_cpp\lib" -Filter "vcomp*.dll" -ErrorAction SilentlyContinue) {
    throw "an OpenMP DLL was collected: the wheel was not built with GGML_OPENMP=OFF"
}

# 4. The self-test from the folder, before anything is signed or packed.
& "$App\roadmap-desktop-cli.exe" --self-test
if ($LASTEXITCODE) { throw "the self-test failed" }

# 5. Sign the executables and every DLL we built, then the installer (timestamped: signatures outlive the cert).
function Sign-Files($Files) {
    & signtool sign /sha1 $env:SIGN_CERT_SHA1 /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 $Files
    if ($LASTEXITCODE) { throw "signing failed" }
}
if ($Sign) { Sign-Files (@("$App\roadmap-desktop.exe", "$App\roadmap-desktop-cli.exe") + (Get-ChildItem "$App\_internal\llama_cpp\lib\*.dll").FullName) }
& iscc "/DAppVersion=$Version" "/DSourceDir=$App" "/O$Root\dist" "$Root\packaging\windows\roadmap-desktop.iss"
if ($LASTEXITCODE) { throw "Inno Setup failed" }
if ($Sign) { Sign-Files @("$Root\dist\roadmap-desktop-$Version-windows-x64-setup.exe") }
Write-Host "built $Root\dist\roadmap-desktop-$Version-windows-x64-setup.exe"
