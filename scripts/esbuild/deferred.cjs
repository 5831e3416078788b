// Bundled in place of a package the engine client requires at load but needs only on some paths
// (ssh2 for ssh:// engines, gRPC for BuildKit sessions): the real package, bundled beside this
// stand-in, runs its module code on the first construct, call or property read of one of its exports.
module.exports = function deferred(load) {
  let real;
  const pkg = () => (real ??= load());
  const bound = (owner, value) => (typeof value === 'function' ? value.bind(owner) : value);
  const exported = (key) => new Proxy(function () {}, {
    construct: (_t, args, newTarget) => Reflect.construct(pkg()[key], args, newTarget === _t ? pkg()[key] : newTarget),
    apply: (_t, self, args) => Reflect.apply(pkg()[key], self, args),
    get: (_t, prop) => bound(pkg()[key], pkg()[key][prop]),
  });
  return new Proxy({}, { get: (_t, key) => (key === '__esModule' ? undefined : exported(key)) });
};
