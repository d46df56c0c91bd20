# Shell functions installing what the demo and the tests need (sourced by demo.sh and test.sh).

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: $*. Install it as root: apt-get install -y $*" >&2
    exit 1
  fi
  if [ -z "$APT_UPDATED" ]; then
    apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  echo "Installing $* (apt-get)..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

need_supervisor() {
  command -v supervisord >/dev/null 2>&1 || apt_install supervisor
}

need_java_maven() {
  command -v java >/dev/null 2>&1 || apt_install openjdk-17-jdk-headless
  command -v mvn >/dev/null 2>&1 || apt_install maven
}
